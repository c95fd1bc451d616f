using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>
/// Speaker notes written from a slide's own data, so no slide reaches the presenter with «Заметок нет»: what the slide
/// shows, its finding in one sentence, how its figures compare with the previous round and the plan, the caveats a
/// figure carries (a partial round, generated values, a source that contradicts itself), and the source with its date.
/// The presenter edits them from there; a saved deck keeps the edit.
/// </summary>
public static class SpeakerNotes
{
    private const int FiguresNamed = 6;

    public static string For(Slide slide, DeckData data)
    {
        var lines = new List<string>();
        if (Shows(slide, data) is { } shows)
            lines.Add($"На слайде: {shows}.");
        if (slide.Kind is not (SlideKind.Title or SlideKind.Appendix or SlideKind.Text))
            lines.Add($"Главное: {Sentence(slide.Title)}");
        lines.AddRange(Figures(slide, data).Take(FiguresNamed));
        lines.AddRange(Caveats(slide, data));
        lines.Add($"Источник: {data.Campaign.Source}; данные по состоянию на {Format.Date(data.Campaign.AsOf)}.");
        return string.Join("\n", lines);
    }

    private static string? Shows(Slide slide, DeckData data) => slide.Kind switch
    {
        SlideKind.Title => $"название доклада — {data.TerritoryName}, мониторинг «{data.Campaign.Title}»",
        SlideKind.KeyFigures => $"{Format.Plural(slide.KeyFigures.Count, "ключевой показатель", "ключевых показателя", "ключевых показателей")} на {Format.Date(data.Campaign.AsOf)}",
        SlideKind.Plan => $"факт и план по {Format.Plural(slide.Plans.Count, "показателю", "показателям", "показателям")}",
        SlideKind.Dynamics when slide.Lists.Count > 0 => $"муниципалитеты, где показатели выросли или снизились по сравнению с {slide.BaseLabel}",
        SlideKind.Dynamics => $"изменения показателей по сравнению с {slide.BaseLabel}",
        SlideKind.Ranking => $"муниципалитеты по показателю «{data.RankingIndicator?.ShortName}»"
                             + (slide.RankingGaps.Count > 0 ? $": первые и последние из {Format.Plural(slide.Places.Count, "муниципалитета", "муниципалитетов", "муниципалитетов")}" : ""),
        SlideKind.Forms => "доли организаций (обучающихся) по формам наставничества",
        SlideKind.Documents => "готовность локальных нормативных актов",
        SlideKind.Conclusions => "выводы, сделанные по данным мониторинга",
        SlideKind.Recommendations => "адресные рекомендации муниципалитетам",
        SlideKind.Schools => $"организации муниципалитета с наименьшим числом форм наставничества ({slide.Schools!.Fewest.Count} из {slide.Schools.Rows.Count})",
        SlideKind.Summary => "выводы предыдущих слайдов одним списком",
        SlideKind.Appendix => "раздел «Приложение»: подробные таблицы для ответов на вопросы",
        _ => null,
    };

    /// <summary>Each figure of the slide with its previous round and its plan, as a sentence says them (with their origin).</summary>
    private static IEnumerable<string> Figures(Slide slide, DeckData data)
    {
        foreach (var key in slide.KeyFigures)
        {
            if (Measure.Of(key.Figure) is not { } now)
                continue;
            var line = $"{Name(key.Figure.Indicator.ShortName, Format.Slice(key.Figure))}: {now.Said}";
            // The counts behind the value, which the .pptx table leaves out to keep its type large, and any warning.
            if (FigureText.Detail(key.Figure) is { Length: > 0 } detail)
                line += $" ({OriginText.Render(detail, key.Figure.Origin & ~FigureOrigin.Contradicted, Medium.Sentence)})";
            if (QualityText.Warning(key.Figure) is { } warning)
                line += $"; ⚠ {warning}";
            if (key.Change is { } change)
                line += $"; {When(slide.BaseLabel)} было {change.Before.Said}";
            if (key.Plan is { PlanOfLatestYear: { } target, Latest: { } latest } plan)
                line += $"; план на {latest.AsOf.Year} г. — {ProgressText.Value(plan, target)}";
            yield return line + ".";
        }
        foreach (var plan in slide.Plans)
        {
            if (plan.Latest is not { } latest)
                continue;
            var fact = OriginText.Render(ProgressText.Value(plan, latest.Value), latest.Origin, Medium.Sentence);
            yield return $"{plan.ShortTitle}: факт {fact}"
                         + (plan.PlanOfLatestYear is { } target ? $" при плане {ProgressText.Value(plan, target)} на {latest.AsOf.Year} г." : ".")
                         + $" {ProgressText.Label(plan.Assessment.Status)}.";
        }
        foreach (var change in slide.Changes)
            yield return $"{Name(change.Indicator.ShortName, change.SliceText)}: {change.Before.Said} → {change.After.Said}.";
        if (slide.Schools is { } schools)
        {
            // The names the table may leave out: every organisation with no form, and those with every form.
            if (schools.None.Count > 0)
                yield return $"Не реализуют ни одной формы: {string.Join(", ", schools.None.Select(r => r.Name))}.";
            if (schools.Every.Count > 0)
                yield return $"Реализуют все формы, о которых отчитались: {string.Join(", ", schools.Every.Select(r => r.Name))}.";
        }
        if (slide.Kind == SlideKind.Ranking && slide.Ranking.Count > 0)
        {
            var (first, last) = (slide.Ranking[0], slide.Ranking[^1]);
            yield return $"Выше всех — {first.Name}, {first.Render(Medium.Sentence)}; ниже всех — {last.Name}, {last.Render(Medium.Sentence)}.";
            if (slide.Ranking.FirstOrDefault(r => r.Id == slide.OwnMunicipalityId) is { } own && slide.Places.TryGetValue(own.Id, out var place))
                yield return $"{own.Name}: {own.Render(Medium.Sentence)}, место {place} из {slide.Places.Count}.";
        }
    }

    private static IEnumerable<string> Caveats(Slide slide, DeckData data)
    {
        var origins = Origins(slide).Aggregate(FigureOrigin.Published, (a, b) => a | b);
        if (data.Campaign.IsIncomplete && slide.Kind is not (SlideKind.Title or SlideKind.Appendix or SlideKind.Text))
            yield return $"Оговорка: мониторинг {(data.Campaign.IsCollecting ? "ещё идёт" : "закрыт неполным")} ({data.Campaign.ReportedText}), значения — только по сдавшим.";
        if (origins.IsGenerated())
            yield return "Оговорка: значения с пометкой «демо» (*) сгенерированы для демонстрации, в опубликованном отчёте их нет.";
        if (origins.IsContradicted())
            yield return "Оговорка: для значений с ⚠ источник приводит разные цифры (см. «Качество данных»).";
    }

    private static IEnumerable<FigureOrigin> Origins(Slide slide) =>
        slide.KeyFigures.Select(k => Measure.Of(k.Figure)?.Origin ?? FigureOrigin.Published)
            .Concat(slide.Figures.Select(f => f.Origin))
            .Concat(slide.Plans.Select(p => p.Latest?.Origin ?? FigureOrigin.Published))
            .Concat(slide.Changes.SelectMany(c => new[] { c.Before.Origin, c.After.Origin }))
            .Concat(slide.Ranking.Select(r => r.Origin))
            .Concat(slide.Schools?.Rows.Select(r => r.Origin) ?? [])
            .Concat(slide.Chart?.Series.SelectMany(s => s.Points).Select(p => p.Origin) ?? []);

    private static string Name(string indicator, string slice) => slice.Length > 0 ? $"{indicator} ({slice})" : indicator;

    /// <summary>«в 2022 г.» for a round of another year, «на 01.06.2024» for one of the same year (<see cref="CampaignInfo.LabelBefore"/>).</summary>
    private static string When(string? label) => label is { } l && l.EndsWith("г.", StringComparison.Ordinal) ? $"в {l}" : $"на {label}";

    private static string Sentence(string title) => title.EndsWith('.') ? title : title + ".";
}
