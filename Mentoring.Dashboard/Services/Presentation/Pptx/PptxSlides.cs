using Mentoring.Domain.Monitoring;
using Mentoring.Dashboard.Services.Analytics;

namespace Mentoring.Dashboard.Services.Presentation.Pptx;

/// <summary>
/// Lays out one slide of each kind as the page draws it, in the page's 1600×900 units: the topic, the headline that
/// states the finding, then the body. Figures and their words come from the same helpers the page uses.
/// </summary>
internal static class PptxSlides
{
    private static readonly Box Body = new(72, 236, 1456, 596);
    /// <summary>Body text (tables, lists, chart labels) at 18 pt, the least a hall reads from the back rows.</summary>
    public const int BodyPixels = 30;
    private static readonly TextStyle BodyText = new(BodyPixels);
    private static readonly TextStyle Small = new(18, Colour: PptxShapes.Muted);

    public static void Draw(PptxShapes shapes, Slide slide)
    {
        switch (slide.Kind)
        {
            case SlideKind.Title:
                shapes.Title(new Box(72, 250, 1456, 200), new TextStyle(72, Bold: true, Colour: PptxShapes.Brand), slide.Title);
                shapes.Text(new Box(72, 460, 1456, 100), new TextStyle(32, Colour: PptxShapes.Muted), slide.Subtitle ?? "");
                if (SlideText.Speaker(slide) is { Count: > 0 } speaker)
                {
                    shapes.Text(new Box(72, 600, 1456, 44), new TextStyle(30, Bold: true), speaker[0]);
                    shapes.Text(new Box(72, 648, 1456, 90), new TextStyle(24, Colour: PptxShapes.Muted), speaker.Skip(1).ToArray());
                }
                return;
            case SlideKind.Appendix:
                shapes.Title(new Box(72, 200, 1456, 100), new TextStyle(64, Bold: true, Colour: PptxShapes.Brand), slide.Title);
                shapes.Bullets(new Box(72, 330, 1456, 480), new TextStyle(26, Colour: PptxShapes.Muted), slide.Points);
                return;
        }

        var topic = slide.IsAppendix ? "Приложение" + (slide.Topic is { Length: > 0 } t ? " · " + t : "") : slide.Topic;
        if (topic is { Length: > 0 })
            shapes.Text(new Box(72, 40, 1456, 30), new TextStyle(20, Bold: true, Colour: PptxShapes.Muted), topic.ToUpper(Format.Russian));
        shapes.Title(new Box(72, 74, 1456, 110), new TextStyle(40, Bold: true, Colour: PptxShapes.Brand), slide.Title);
        if (slide.Subtitle is { Length: > 0 } subtitle)
            shapes.Text(new Box(72, 190, 1456, 34), new TextStyle(28, Colour: PptxShapes.Muted), subtitle);

        switch (slide.Kind)
        {
            case SlideKind.KeyFigures:
                // At 18 pt a hall reads four columns; the counts behind each value are in the speaker notes.
                shapes.Table(Body, [470, 300, 380, 306], ["Показатель", "Значение", "Изменение", "План"],
                    slide.KeyFigures.Select(k => (IReadOnlyList<string>)
                    [
                        // The slice, unless it is all organisations: «Учитель-ученик» of schools is another figure than of all.
                        k.Figure.Kind is null && k.Figure.Group is null ? k.Figure.Indicator.ShortName : $"{k.Figure.Indicator.ShortName} ({Format.Slice(k.Figure)})",
                        OriginText.Render(FigureText.Headline(k.Figure), k.Figure.Origin & ~FigureOrigin.Contradicted, Medium.Sentence)
                            + (QualityText.Warning(k.Figure) is not null ? " ⚠" : ""),
                        k.Change is { } change ? SlideText.Change(change, slide.BaseLabel) : "",
                        k.Plan is { } plan ? SlideText.Plan(plan) : "",
                    ]).ToList(), pixels: BodyPixels);
                break;
            case SlideKind.Plan:
                shapes.Table(Body, [520, 180, 180, 260, 316], ["Показатель", "Факт", "План года", "Цель", "Движение к цели"],
                    slide.Plans.Select(p => (IReadOnlyList<string>)
                    [
                        p.Kind is null ? p.Indicator.ShortName : p.ShortTitle,
                        OriginText.Render(ProgressText.Value(p, p.Latest!.Value), p.Latest.Origin, Medium.Sentence),
                        p.PlanOfLatestYear is { } yearPlan ? ProgressText.Value(p, yearPlan) : "—",
                        $"{ProgressText.Value(p, p.FinalTarget.Target)} {ProgressText.TargetDate(p)}",
                        $"{ProgressText.Symbol(p.Assessment.Status)} {ProgressText.Label(p.Assessment.Status)}",
                    ]).ToList(), pixels: BodyPixels);
                break;
            case SlideKind.Dynamics when slide.Changes.Count > 0 && !slide.IsAppendix:
                var top = SlideText.Scale(slide.Changes.Max(c => Math.Max(c.Before.Value, c.After.Value)));
                shapes.Chart(Body with { Height = 540 },
                    slide.Changes.Select(c => OriginText.Render($"{c.Indicator.ShortName} ({c.SliceText})", c.After.DeltaOrigin(c.Before), Medium.Chart)).ToList(),
                    [
                        new NativeChartSeries(slide.BaseLabel ?? "", slide.Changes.Select(c => SlideText.ChartValue(c.Before.Text)).ToList(), PptxShapes.Grey),
                        new NativeChartSeries("сейчас", slide.Changes.Select(c => SlideText.ChartValue(c.After.Text)).ToList(), PptxShapes.Brand),
                    ],
                    horizontal: true, percent: slide.Changes.All(c => c.After.IsPercent), maximum: top);
                Footnotes(shapes, slide.Changes.Select(c => c.After.DeltaOrigin(c.Before)));
                break;
            case SlideKind.Dynamics:
                if (slide.Changes.Count > 0)
                    shapes.Table(Body, [640, 260, 260, 296], ["Показатель", slide.BaseLabel ?? "", "Сейчас", "Изменение"],
                        slide.Changes.Select(c => (IReadOnlyList<string>)
                        [
                            $"{c.Indicator.ShortName} ({c.SliceText})",
                            c.Before.Render(Medium.Sentence),
                            c.After.Render(Medium.Sentence),
                            OriginText.Render(c.After.DeltaText(c.Before), c.After.DeltaOrigin(c.Before), Medium.Sentence),
                        ]).ToList(), pixels: BodyPixels);
                else
                    shapes.Bullets(Body, BodyText, slide.Lists.SelectMany(l => new[]
                    {
                        $"{l.Indicator.ShortName} · {Format.OrganisationKindShort(l.OrganisationKind)} · {Format.MunicipalityGroup(l.Group)}"
                        + (l.Increased.Count > 0 ? $". Рост: {SlideText.Names(l.Increased)}" : "")
                        + (l.Decreased.Count > 0 ? $". Снижение: {SlideText.Names(l.Decreased)}" : "")
                        + OriginText.Render("", OriginRules.CountOver(l.Increased.Concat(l.Decreased).SelectMany(m => new[] { m.Before?.Origin ?? 0, m.After?.Origin ?? 0 })), Medium.Sentence),
                    }));
                break;
            case SlideKind.Ranking:
                var percent = slide.Ranking.All(r => r.ValueIsPercent);
                shapes.Chart(Body with { Height = 540 },
                    slide.Ranking.Select(r => OriginText.Render($"{(slide.Places.TryGetValue(r.Id, out var place) ? $"{place}. " : "")}{r.Name}", r.Origin, Medium.Chart) + (r.Id == slide.OwnMunicipalityId ? " ◄" : "")).ToList(),
                    [new NativeChartSeries(percent ? "%" : "", slide.Ranking.Select(r => SlideText.ChartValue(r.ValueText)).ToList(), PptxShapes.Brand)],
                    horizontal: true, percent, maximum: percent ? 100 : null);
                if (slide.RankingGaps.Values.Sum() is var omitted and > 0)
                    shapes.Text(new Box(72, 780, 1456, 28), Small, $"Не показаны ещё {Format.Plural(omitted, "муниципалитет", "муниципалитета", "муниципалитетов")} (места — по всему списку).");
                Footnotes(shapes, slide.Ranking.Select(r => r.Origin), y: 808);
                break;
            case SlideKind.Forms:
                var chart = slide.Chart!;
                var names = chart.Series.SelectMany(s => s.Points.Select(p => p.Name)).Distinct().ToList();
                // A category carries the marks of its columns' values; the footnotes under the chart explain them.
                var marked = names.Select(n => OriginText.Render(n, OriginRules.ComputedFrom(chart.Series.SelectMany(s => s.Points).Where(p => p.Name == n).Select(p => p.Origin)), Medium.Chart)).ToList();
                shapes.Chart(Body with { Height = 560 }, marked,
                    chart.Series.Select((s, i) => new NativeChartSeries(s.Title,
                        names.Select(n => s.Points.FirstOrDefault(p => p.Name == n) is { } point ? SlideText.ChartValue(point.Text) : null).ToList(), PptxShapes.SeriesColours[i % PptxShapes.SeriesColours.Length])).ToList(),
                    horizontal: false, percent: true, maximum: SlideText.Scale(chart.Series.SelectMany(s => s.Points).Max(p => p.Value)));
                Footnotes(shapes, chart.Series.SelectMany(s => s.Points).Select(p => p.Origin), y: 808);
                break;
            case SlideKind.Documents:
                var shares = slide.Figures.Select(f => (Figure: f, Measure: Measure.Of(f))).Where(x => x.Measure is { IsPercent: true }).ToList();
                if (shares.Count > 0)
                    shapes.Chart(Body with { Height = 500 },
                        shares.Select(x => OriginText.Render(x.Figure.Indicator.ShortName, x.Figure.Origin, Medium.Chart)).ToList(),
                        [new NativeChartSeries("%", shares.Select(x => SlideText.ChartValue(x.Measure!.Text)).ToList(), PptxShapes.Brand)],
                        horizontal: true, percent: true, maximum: 100);
                shapes.Text(new Box(72, 750, 1456, 60), Small,
                    string.Join("; ", slide.Figures.Select(f => $"{f.Indicator.ShortName}: {FigureText.Headline(f, Medium.Sentence)} ({SlideText.Detail(f)})")));
                Footnotes(shapes, slide.Figures.Select(f => f.Origin), y: 808);
                break;
            case SlideKind.Schools:
                var schools = slide.Schools!.Fewest;
                shapes.Table(Body, [600, 200, 656], ["Организация", "Форм", "Реализует"],
                    schools.Select(r => (IReadOnlyList<string>)[r.Name, r.Count(Medium.Chart), r.FormsText]).ToList(), pixels: BodyPixels);
                Footnotes(shapes, schools.Select(r => r.Origin), y: 808);
                break;
            case SlideKind.Summary:
                shapes.Bullets(Body, new TextStyle(30), slide.Points, numbered: true);
                break;
            case SlideKind.Conclusions:
                shapes.Bullets(Body, BodyText, slide.Conclusions.Select(c => c.Text));
                break;
            case SlideKind.Recommendations:
                shapes.Table(Body, [1000, 456], ["Рекомендация", "Кому"],
                    slide.Recommendations.Take(7).Select(r => (IReadOnlyList<string>)
                    [
                        r.Rule.Text,
                        r.Organisations.Count <= 4
                            ? string.Join(", ", r.Organisations.Select(o => o.Name))
                            : Format.Plural(r.Organisations.Count, "организация", "организации", "организаций") + $" из {Format.Number(r.Reporting)}",
                    ]).ToList(), pixels: BodyPixels);
                break;
            case SlideKind.Text:
                shapes.Text(Body, new TextStyle(32), (slide.Text ?? "").Split('\n'));
                break;
        }
    }

    /// <summary>The footnotes that explain the marks of a slide's values, one line under its chart.</summary>
    private static void Footnotes(PptxShapes shapes, IEnumerable<FigureOrigin> origins, int y = 790)
    {
        if (OriginText.Footnotes(origins) is { Count: > 0 } footnotes)
            shapes.Text(new Box(72, y, 1456, 28), Small, string.Join("; ", footnotes));
    }
}
