using Mentoring.Domain.Indicators;
using Mentoring.Domain.Intake;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>One column of the intake spreadsheet: an identifying column, or one number of one indicator.</summary>
public sealed record IntakeColumn(string Header, Indicator? Indicator, FigurePart Part)
{
    /// <summary>The value a cell shows for a figure (numbers stay numbers; levels by name).</summary>
    public object? CellOf(Figure? figure)
    {
        if (Indicator is null || figure is not { } f)
            return null;
        return Indicator.Kind switch
        {
            IndicatorKind.Level => Indicator.Levels?.FirstOrDefault(l => l.Code == f.LevelCode)?.Name,
            IndicatorKind.Count => Whole(f.Value),
            IndicatorKind.Fact => Whole(f.Numerator),
            _ => Whole(Part == FigurePart.Whole ? f.Denominator : f.Numerator),
        };
    }

    // SQLite hands decimals back as "12.0"; a count is shown as 12.
    private static object? Whole(decimal? value) => value is { } v && v == decimal.Truncate(v) && Math.Abs(v) < long.MaxValue ? (long)v : value;
}

/// <summary>
/// The layout of the spreadsheet a campaign collects: the seeds' per-school sheet with 1/0 per form and document,
/// and a sheet of staff and programme figures. The template, the export of entered data and the importer all use
/// this one definition, so a downloaded file imports back unchanged.
/// </summary>
public static class IntakeColumns
{
    public const string Code = "Код ОО";
    public const string Name = "Образовательная организация";
    public const string Kind = "Тип ОО";

    public const string FormsSheet = "Формы и документы";
    public const string FiguresSheet = "Кадры и программы";

    /// <summary>Sheets with their indicator columns; a .csv file carries all columns in one table.</summary>
    public static IReadOnlyList<(string Sheet, IReadOnlyList<IntakeColumn> Columns)> Sheets(IReadOnlyList<Indicator> indicators)
    {
        static bool OnFormsSheet(Indicator i) => i.Group is IndicatorGroup.Documents or IndicatorGroup.Forms;
        var sheets = new List<(string, IReadOnlyList<IntakeColumn>)>();
        var forms = indicators.Where(OnFormsSheet).SelectMany(ColumnsOf).ToList();
        var figures = indicators.Where(i => !OnFormsSheet(i)).SelectMany(ColumnsOf).ToList();
        if (forms.Count > 0)
            sheets.Add((FormsSheet, [.. Identity, .. forms]));
        if (figures.Count > 0 || sheets.Count == 0)
            sheets.Add((FiguresSheet, [.. Identity, .. figures]));
        return sheets;
    }

    public static IReadOnlyList<IntakeColumn> AllColumns(IReadOnlyList<Indicator> indicators) =>
        [.. Identity, .. indicators.SelectMany(ColumnsOf)];

    private static readonly IntakeColumn[] Identity = [new(Code, null, FigurePart.Value), new(Name, null, FigurePart.Value), new(Kind, null, FigurePart.Value)];

    public static IEnumerable<IntakeColumn> ColumnsOf(Indicator indicator) => indicator.Kind switch
    {
        IndicatorKind.Share =>
        [
            new($"{indicator.ShortName}: {Lower(indicator.WholeLabel)}", indicator, FigurePart.Whole),
            new($"{indicator.ShortName}: {Lower(indicator.PartLabel)}", indicator, FigurePart.Part),
        ],
        IndicatorKind.Count => [new($"{indicator.ShortName}, {indicator.Unit}", indicator, FigurePart.Value)],
        IndicatorKind.Level => [new($"{indicator.ShortName} ({string.Join(" / ", indicator.Levels!.Select(l => Lower(l.Name)))})", indicator, FigurePart.Value)],
        _ => [new(indicator.ShortName, indicator, FigurePart.Value)], // yes/no as 1/0, like the seeds' per-school sheet
    };

    /// <summary>A column's header quoted for a message: «…» once, even when the header starts with a quote.</summary>
    public static string Quoted(string header) => header.StartsWith('«') && header.EndsWith('»') ? header : $"«{header}»";

    private static string Lower(string text) => text.Length > 1 && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
