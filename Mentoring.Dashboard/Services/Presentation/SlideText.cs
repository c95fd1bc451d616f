using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Analysis;

namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>The words a slide puts beside a figure, shared by the slide on screen and the .pptx.</summary>
public static class SlideText
{
    /// <summary>«▲ +6,5 п.п. (2021 г.: 72,6 %)».</summary>
    public static string Change(SliceChange change, string? baseLabel)
    {
        var arrow = change.Change.Direction switch
        {
            ChangeDirection.Increase => "▲",
            ChangeDirection.Decrease => "▼",
            _ => "=",
        };
        return $"{arrow} {change.After.DeltaText(change.Before)} ({baseLabel}: {change.Before.Text})";
    }

    /// <summary>«план 2023 г.: 80 %, выполнен», or the final target where the year has no plan.</summary>
    public static string Plan(PlanSeries plan) => plan.PlanOfLatestYear is { } yearPlan
        ? $"план {plan.Latest!.AsOf.Year} г.: {ProgressText.Value(plan, yearPlan)}{plan.LatestMeetsPlan switch { true => ", выполнен", false => ", не выполнен", _ => "" }}"
        : $"цель {ProgressText.TargetDate(plan)}: {ProgressText.Value(plan, plan.FinalTarget.Target)}";

    /// <summary>A key figure's counts and slice: «236 из 292 ОО · ОУ»; a level's distribution.</summary>
    public static string Detail(SliceFigure figure) => figure.Indicator.Kind == Domain.Indicators.IndicatorKind.Level
        ? FigureText.LevelDetail(figure)
        : string.Join(" · ", new[] { FigureText.Detail(figure), Format.Slice(figure) }.Where(s => s.Length > 0));

    /// <summary>The top of a percentage chart: 100 %, or a round step above small values so that 2 % and 8 % differ visibly.</summary>
    public static decimal Scale(decimal max) => new decimal[] { 5, 10, 20, 25, 50 }.FirstOrDefault(step => max <= step, 100);

    /// <summary>
    /// The number a .pptx chart carries for a value the slide shows as <paramref name="shown"/>: «51,56 %» is 51,56 and
    /// «0,001 %» 0,001, as printed, so the chart's label reads as the page's does rather than «51,6 %» or «0 %».
    /// </summary>
    public static decimal? ChartValue(string shown) =>
        FigureText.SplitUnit(shown) is { } parts
        && decimal.TryParse(new string(parts.Number.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace('\u2212', '-'),
            System.Globalization.NumberStyles.Number, Format.Russian, out var value)
            ? value
            : null;

    /// <summary>
    /// Values over a slide's columns read upwards where the longest would not fit across its column (three or four
    /// series to an indicator): side by side they would run into each other. Measured as the page lays it out: a
    /// 1 456 px body, 48 px between indicators, 10 px between columns, labels of 22 px bold at about 0,6 of that a character.
    /// </summary>
    public static bool LabelsUpright(GroupChart chart)
    {
        var indicators = chart.Series.SelectMany(s => s.Points.Select(p => p.Name)).Distinct().Count();
        var group = (1456.0 - 48 * (indicators - 1)) / indicators;
        var columns = chart.Series.Count;
        var column = (group - 10 * (columns - 1)) / columns;
        var longest = chart.Series.SelectMany(s => s.Points).Max(p => OriginText.Render(p.Text, p.Origin, Medium.Chart).Length);
        return longest * 0.6 * 22 > column;
    }

    private const int NamesShown = 6;

    /// <summary>«Асиновский район, Бакчарский район и ещё 4».</summary>
    public static string Names(IReadOnlyList<MunicipalityChange> items) =>
        string.Join(", ", items.Take(NamesShown).Select(m => m.Name)) + (items.Count > NamesShown ? $" и ещё {items.Count - NamesShown}" : "");

    /// <summary>«Иванова Мария Петровна» and «Министр, Министерство образования»: the title slide's speaker lines.</summary>
    public static IReadOnlyList<string> Speaker(Slide title) =>
        new[] { title.Text }.Concat(title.Points).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
}
