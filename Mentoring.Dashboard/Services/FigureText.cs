using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// The words a figure is shown with, shared by the pages and the exports so a downloaded table says what the screen says.
/// </summary>
public static partial class FigureText
{
    /// <summary>A slice's value: "79,8 %", "734 чел.", or for a level "45 % — сформирован полностью".</summary>
    public static string Value(SliceFigure slice) => slice.Indicator.Kind == IndicatorKind.Level
        ? slice.HasData ? LevelSummary(slice) + " — " + slice.Indicator.Levels![0].Name.ToLowerInvariant() : Format.NoData
        : Format.Headline(slice.Indicator, slice.Shown);

    /// <summary>The slice columns of an indicator table: all organisations, then by kind, then by group of municipalities.</summary>
    public static List<string> SliceColumns(IEnumerable<IndicatorFigures> figures) =>
        figures.SelectMany(f => f.Slices)
            .OrderBy(s => s.Group is null ? 0 : 1).ThenBy(s => s.Kind ?? 0).ThenBy(s => s.Group)
            .Select(Format.Slice).Distinct().ToList();

    /// <summary>"1 007 ОО" → ("1 007", " ", "ОО"); null when the text does not start with a number ("нет данных").</summary>
    public static (string Number, string Separator, string Unit)? SplitUnit(string text) =>
        NumberAndUnit().Match(text) is { Success: true } m ? (m.Groups["number"].Value, m.Groups["separator"].Value, m.Groups["unit"].Value) : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<number>[+\-\u2212]?\d[\d\u00A0\u202F ]*(?:,\d+)?)(?<separator>[\u00A0 ])(?<unit>\D.*)$")]
    private static partial System.Text.RegularExpressions.Regex NumberAndUnit();

    /// <summary>
    /// A slice's value with its origin marked as <paramref name="medium"/> marks it: «90,9 % *» in a table or on a
    /// chart, «90,9 % (демо)» in a sentence or a downloaded cell (<see cref="OriginText.Render"/>).
    /// </summary>
    public static string Value(SliceFigure slice, Medium medium) => OriginText.Render(Value(slice), slice.Origin, medium);

    /// <summary>The short value (<see cref="Headline(SliceFigure)"/>) with its origin marked for <paramref name="medium"/>.</summary>
    public static string Headline(SliceFigure slice, Medium medium) => OriginText.Render(Headline(slice), slice.Origin, medium);

    /// <summary>A slice's value in short, for cards and comparisons: "79,8 %", "734 чел.", a level as its best level's share.</summary>
    public static string Headline(SliceFigure slice) => slice.Indicator.Kind == IndicatorKind.Level
        ? LevelSummary(slice)
        : Format.Headline(slice.Indicator, slice.Shown);

    /// <summary>
    /// The counts behind a slice's value: "701 из 878", or each level's count; for a slice nobody has reported yet, the
    /// line they will take.
    /// </summary>
    public static string Detail(SliceFigure slice) =>
        slice.AwaitingReports ? PendingDetail(slice.Indicator)
        : slice.Indicator.Kind == IndicatorKind.Level ? LevelDetail(slice)
        : Format.Detail(slice.Indicator, slice.Shown) + (slice.IsDenominatorSynthetic ? " " + SyntheticRegister : "");

    /// <summary>Said after «1 007 из 1 287 ОО» when the 1 287 counts organisations the demo generator made up.</summary>
    public const string SyntheticRegister = "(всего — демо-реестр)";

    /// <summary>The share of organisations at the best level ("45 %").</summary>
    public static string LevelSummary(SliceFigure slice) => LevelPercentText(slice, slice.Indicator.Levels![0].Code);

    /// <summary>
    /// What a card or table row of a round being collected says where an indicator's counts will be, before anyone
    /// reports: a line of the same length, so the figure fills it in rather than moving the page.
    /// </summary>
    private static string PendingDetail(Indicator indicator) => indicator.Levels is { } levels
        ? string.Join("; ", levels.Select(l => $"{l.Name.ToLowerInvariant()}: {Format.NoData}"))
        : "отчётов пока нет";

    /// <summary>
    /// Each level's count with its share of the report's total, and the organisations not rated:
    /// «оптимальный: 12 (75 %); допустимый: 3 (19 %); недопустимый: 0 (0 %); не оценены: 1 из 16».
    /// </summary>
    public static string LevelDetail(SliceFigure slice)
    {
        if (slice.ShownLevels is not { } levels || slice.Indicator.Levels is not { } options)
            return "";
        var parts = options.Select(o => $"{o.Name.ToLowerInvariant()}: {Format.Number(levels.GetValueOrDefault(o.Code))} ({LevelPercentText(slice, o.Code)})").ToList();
        if (slice.LevelTotal is { } total && total - levels.Values.Sum() is > 0 and var unrated)
            parts.Add($"не оценены: {Format.Number(unrated)} из {Format.Number(total)}");
        return string.Join("; ", parts);
    }

    private static string LevelPercentText(SliceFigure slice, int code) =>
        slice.PublishedLevels is not null && slice.PrintedLevelPercents?.TryGetValue(code, out var printed) == true
            ? Format.PublishedPercent(printed)
            : slice.LevelPercent(code) is { } p ? Format.Percent(p) : Format.NoData;

    /// <summary>One organisation's own figure: «да»/«нет» for facts, the level's name, or the value with its counts.</summary>
    public static string Organisation(Indicator indicator, Figure? figure) => figure switch
    {
        null => Format.NoData,
        _ when indicator.Kind == IndicatorKind.Fact => Format.YesNo(figure),
        { } f when indicator.Kind == IndicatorKind.Level => Format.Level(indicator, f.LevelCode),
        { } f => Format.Detail(indicator, f) is { Length: > 0 } detail ? $"{Format.Headline(indicator, f)} ({detail})" : Format.Headline(indicator, f),
    };
}
