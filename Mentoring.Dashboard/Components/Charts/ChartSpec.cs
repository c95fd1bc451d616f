using Mentoring.Dashboard.Services;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Components.Charts;

/// <summary>How the categories run: bars grow to the right (long names, rankings) or columns grow up (few categories, years).</summary>
public enum ChartOrientation { Bars, Columns }

/// <summary>How a series is drawn: as bars/columns, or as a line over them (plan, forecast, a target across the chart).</summary>
public enum SeriesStyle { Bars, Line, DashedLine, TargetLine }

/// <summary>One value of a series, with the text the page shows for it ("79,8 %", "734 чел.") and where it comes from.</summary>
/// <param name="Text">The value as the table beside the chart shows it (a printed percentage as printed).</param>
/// <param name="Highlight">Drawn in the accent colour: the reader's own municipality in a ranking.</param>
public sealed record ChartPoint(string Category, decimal? Value, string Text, bool Highlight = false, FigureOrigin Origin = FigureOrigin.Published)
{
    /// <summary>The label and tooltip: the text with its origin's mark («90,9 % *»), explained by the chart's footnote.</summary>
    public string Label => OriginText.Render(Text, Origin, Medium.Chart);
}

/// <param name="Colour">Index into the theme's chart colours; by default the series' own position.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, SeriesStyle Style = SeriesStyle.Bars, int? Colour = null);

/// <summary>
/// Everything a chart shows, decided in C#: the series with their Russian texts, the value unit for axis and tooltips,
/// the series to draw. <see cref="ApexOptions"/> turns it into ApexCharts options; the browser draws it.
/// </summary>
public sealed record ChartSpec(string Title, ChartOrientation Orientation, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>The value unit after the number on axes and in tooltips ("%", "чел."); empty for plain numbers.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Decimals of axis labels and of tooltips without a point text.</summary>
    public int Decimals { get; init; } = 1;

    /// <summary>The top of the value axis (100 for shares); null lets the chart choose.</summary>
    public decimal? Max { get; init; }

    /// <summary>Height in CSS pixels; bar charts grow with their categories.</summary>
    public int Height { get; init; } = 340;

    /// <summary>Values printed at the end of each bar.</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>Numbers along the value axis; a ranking prints every value on its bar and needs none.</summary>
    public bool ShowValueAxis { get; init; } = true;

    /// <summary>
    /// What every value of the chart will be, pending ones included: a round being collected is partial, so its chart
    /// says so from the start rather than gaining the line under the reader with its first report.
    /// </summary>
    public FigureOrigin RoundOrigin { get; init; }

    /// <summary>The lines under the chart that explain the marks on its values (demo, partial, contradicted), each once.</summary>
    public IReadOnlyList<string> Footnotes => OriginText.Footnotes(Series.SelectMany(s => s.Points).Select(p => p.Origin).Append(RoundOrigin));

    public IEnumerable<string> Categories => Series.SelectMany(s => s.Points.Select(p => p.Category)).Distinct();

    /// <summary>A file name for the PNG/SVG download, from the title: letters and digits joined by hyphens, valid on every system.</summary>
    public string FileName => System.Text.RegularExpressions.Regex.Replace(Title, @"[^\p{L}\p{Nd}]+", "-").Trim('-');
}
