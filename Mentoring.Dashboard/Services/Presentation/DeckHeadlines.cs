using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Planning;

namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>
/// The one sentence that titles each story slide and states what its chart shows, written from the same figures the
/// slide draws, so a headline can never disagree with its chart.
/// </summary>
public static class DeckHeadlines
{
    public static string KeyFigures(IReadOnlyList<KeyFigure> key, string baseLabel)
    {
        var compared = key.Where(k => k.Change is not null).ToList();
        if (compared.Count > 0)
        {
            var improved = compared.Count(k => k.Change!.Change.IsImprovement(k.Figure.Indicator.HigherIsBetter));
            // A count over generated or partial figures is as generated or partial as they are.
            var origin = OriginRules.CountOver(compared.SelectMany(k => new[] { k.Figure.Origin, k.Change!.Before.Origin }));
            return OriginText.Render($"По сравнению с {baseLabel} {Improved(improved)} {improved} из {Indicators(compared.Count, key: true)}", origin, Medium.Sentence);
        }
        var first = key[0].Figure;
        return $"{Quoted(first.Indicator)} ({Format.Slice(first)}): {FigureText.Headline(first, Medium.Sentence)}";
    }

    public static string Plan(IReadOnlyList<PlanSeries> plans)
    {
        var assessed = plans.Where(p => p.LatestMeetsPlan is not null).ToList();
        if (assessed.Count > 0)
        {
            var years = assessed.Select(p => p.Latest!.AsOf.Year).Distinct().ToList();
            var met = assessed.Count(p => p.LatestMeetsPlan == true);
            return $"План {(years.Count == 1 ? $"{years[0]} г." : "года")} выполнен по {met} из {Indicators(assessed.Count)}";
        }
        var onTrack = plans.Count(p => p.Assessment.Status is ProgressStatus.TargetAchieved or ProgressStatus.OnTrack);
        return $"Идут к цели {ProgressText.UntilTargetYear(plans)} по плану {onTrack} из {Indicators(plans.Count)}";
    }

    public static string Dynamics(IReadOnlyList<SliceChange> changes)
    {
        var improved = changes.Where(c => c.Change.IsImprovement(c.Indicator.HigherIsBetter)).ToList();
        // The topic names the base round («Динамика: по сравнению с 2021 г.») and the chart the slice, first among the
        // biggest changes: the headline keeps to the finding.
        var origin = OriginRules.CountOver(changes.SelectMany(c => new[] { c.Before.Origin, c.After.Origin }));
        var text = OriginText.Render(
            $"{Format.Capitalised(Improved(improved.Count, neuter: true))} {improved.Count} из {Format.Plural(changes.Count, "значения", "значений", "значений")}", origin, Medium.Sentence);
        return improved.Where(c => c.After.IsPercent && c.Before.IsPercent).MaxBy(c => Math.Abs(c.Change.Delta)) is { } most
            ? $"{text}; больше всего — {Quoted(most.Indicator)}: {most.Before.Said} → {most.After.Said}"
            : text;
    }

    /// <param name="ranking">Ranked highest first, as <see cref="ComparisonRow.Ranked"/> orders it.</param>
    public static string Ranking(IReadOnlyList<ComparisonRow> ranking)
    {
        var (top, bottom) = (ranking[0], ranking[^1]);
        // The subtitle names the indicator: the headline keeps to who leads and who lags.
        // Who leads over generated values is itself generated: the value says so where it is stated.
        return top.Value == bottom.Value
            ? $"Во всех муниципалитетах {OriginText.Render(top.ValueText, OriginRules.CountOver(ranking.Select(r => r.Origin)), Medium.Sentence)}"
            : $"Выше всех — {Names(ranking.Where(r => r.Value == top.Value).ToList())}: {top.Render(Medium.Sentence)}; "
              + $"ниже всех — {Names(ranking.Where(r => r.Value == bottom.Value).ToList())}: {bottom.Render(Medium.Sentence)}";
    }

    /// <summary>A municipality's deck: its own place first, then who leads. Null when it has no value to be ranked by.</summary>
    public static string? Place(IReadOnlyList<ComparisonRow> ranking, IReadOnlyDictionary<int, int> places, int? ownId)
    {
        if (ranking.FirstOrDefault(r => r.Id == ownId) is not { } own || !places.TryGetValue(own.Id, out var place))
            return null;
        var top = ranking[0];
        return place == 1
            ? $"{own.Name} — 1-е место из {ranking.Count}: {own.Render(Medium.Sentence)}"
            : $"{own.Name} — {place}-е место из {ranking.Count}: {own.Render(Medium.Sentence)}; выше всех — {Names(ranking.Where(r => r.Value == top.Value).ToList())}: {top.Render(Medium.Sentence)}";
    }

    /// <summary>
    /// A municipality's shares against its region's (<see cref="GroupChart.Compare"/>, first series its own): how many
    /// are below, how many above, as the chart shows them (to one decimal).
    /// </summary>
    public static string AgainstRegion(GroupChart chart)
    {
        var (mine, region) = (chart.Series[0].Points, chart.Series[1].Points);
        var pairs = mine.Zip(region, (m, r) => (Higher: m.Indicator.HigherIsBetter, Own: Math.Round(m.Value, 1), Region: Math.Round(r.Value, 1))).ToList();
        var below = pairs.Count(p => p.Higher ? p.Own < p.Region : p.Own > p.Region);
        var above = pairs.Count(p => p.Higher ? p.Own > p.Region : p.Own < p.Region);
        // The topic names the group and the legend the slice: the headline keeps to the count, on one line.
        var text = (below, above) switch
        {
            ( > 0, > 0) => $"Хуже, чем в регионе: {below} из {pairs.Count}; лучше: {above}",
            ( > 0, _) => $"Хуже, чем в регионе: {below} из {pairs.Count}",
            (_, > 0) => $"Лучше, чем в регионе: {above} из {pairs.Count}; хуже: ни одного",
            _ => $"На уровне региона все {Format.Plural(pairs.Count, "показатель", "показателя", "показателей")}",
        };
        // A count over generated values is as generated as they are.
        return OriginText.Render(text, OriginRules.CountOver(mine.Concat(region).Select(p => p.Origin)), Medium.Sentence);
    }

    /// <summary>
    /// A municipality's organisations: how many implement no form of mentoring, or else that each implements one and
    /// how many implement every form. A count over generated ✓/✗ is generated, over an incomplete round partial.
    /// </summary>
    public static string Schools(SchoolForms schools)
    {
        var (none, every, total) = (schools.None.Count, schools.Every.Count, schools.Rows.Count);
        var text = none > 0
            ? $"Ни одной формы наставничества не {Format.Agreeing(none, "реализует", "реализуют")} {none} из {Format.Plural(total, "организации", "организаций", "организаций")}"
            : $"Хотя бы одну форму наставничества реализует каждая из {Format.Plural(total, "организации", "организаций", "организаций")}"
              + (every > 0 ? $"; все формы — {every}" : "");
        return OriginText.Render(text, schools.Origin, Medium.Sentence);
    }

    /// <summary>Those sharing a place: «город Армавир», «город Армавир и город Сочи», «город Армавир и ещё 3».</summary>
    private static string Names(IReadOnlyList<ComparisonRow> tied) => tied.Count switch
    {
        1 => tied[0].Name,
        2 => $"{tied[0].Name} и {tied[1].Name}",
        _ => $"{tied[0].Name} и ещё {tied.Count - 1}",
    };

    public static string Forms(GroupChart chart)
    {
        var (series, point) = chart.Series.SelectMany(s => s.Points.Select(p => (s, p))).MaxBy(x => x.p.Value);
        return $"Больше всего — {point.Name} ({series.Title}): {OriginText.Render(point.Text, point.Origin, Medium.Sentence)}";
    }

    public static string Documents(IReadOnlyList<SliceFigure> documents)
    {
        // Levels («пакет сформирован полностью») measure something else than «есть документ»: not compared here.
        var shares = documents.Where(d => d.Indicator.Kind != IndicatorKind.Level)
            .Select(d => (Figure: d, Measure: Measure.Of(d))).Where(x => x.Measure is { IsPercent: true }).ToList();
        if (shares.Count == 0)
            return $"{Quoted(documents[0].Indicator)}: {FigureText.Headline(documents[0], Medium.Sentence)}";
        var most = shares.MaxBy(x => x.Measure!.Value);
        var least = shares.MinBy(x => x.Measure!.Value);
        return most.Measure!.Value == least.Measure!.Value
            ? $"{(shares.Count == 1 ? Quoted(most.Figure.Indicator) : "Каждый документ")} — у {most.Measure.Said} организаций"
            : $"Чаще всего есть {Quoted(most.Figure.Indicator)}: {most.Measure.Said}; реже всего — {Quoted(least.Figure.Indicator)}: {least.Measure.Said}";
    }

    /// <summary>
    /// The verb agrees with the number and the noun: «улучшился 1 из 3 показателей», «улучшилось 1 из 3 значений»,
    /// «улучшились 2 из 3», «улучшились 5 из 7».
    /// </summary>
    public static string Improved(int count, bool neuter = false) =>
        Format.Agreeing(count, neuter ? "улучшилось" : "улучшился", "улучшились");

    /// <summary>«из 7 показателей», «из 1 ключевого показателя».</summary>
    private static string Indicators(int count, bool key = false) => key
        ? Format.Plural(count, "ключевого показателя", "ключевых показателей", "ключевых показателей")
        : Format.Plural(count, "показателя", "показателей", "показателей");

    private static string Quoted(Indicator indicator) => Format.QuotedName(indicator);
}
