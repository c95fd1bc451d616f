using System.Text.Json;
using Mentoring.Dashboard.Services;

namespace Mentoring.Dashboard.Components.Charts;

/// <summary>
/// Turns a <see cref="ChartSpec"/> into ApexCharts options (JSON). Everything but the number-formatting functions is
/// decided here; wwwroot-assets/js/charts.js adds those from <c>format</c> and the Russian locale.
/// </summary>
public static partial class ApexOptions
{
    /// <summary>Category names longer than this wrap onto several lines, so phones show them whole instead of cutting them.</summary>
    public const int BarLabelWidth = 22;
    private const int ColumnLabelWidth = 14;

    // Cyrillic as itself, not \uXXXX: a third of the bytes on the wire. Safe here: the text goes to JSON.parse, never into HTML.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A chart's options and their digest (what a circuit keeps to know whether the browser's chart is current).</summary>
    public sealed record Drawing(string Json, byte[] Digest);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ChartSpec, Tuple<IReadOnlyList<string>, Drawing>> Drawings = new();

    /// <summary>
    /// The options of <paramref name="spec"/>, serialised once per spec and palette: a page model's charts are shared by
    /// every circuit showing it (Model/), so after a change fifty circuits need one serialisation, not fifty.
    /// </summary>
    public static Drawing For(ChartSpec spec, IReadOnlyList<string> palette)
    {
        if (Drawings.TryGetValue(spec, out var known) && ReferenceEquals(known.Item1, palette))
            return known.Item2;
        var json = Json(spec, palette);
        var drawing = new Drawing(json, System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
        Drawings.AddOrUpdate(spec, Tuple.Create(palette, drawing));
        return drawing;
    }

    public static string Json(ChartSpec spec, IReadOnlyList<string> palette)
    {
        var horizontal = spec.Orientation == ChartOrientation.Bars;
        var hasLine = spec.Series.Any(s => s.Style != SeriesStyle.Bars);
        var categories = spec.Categories.ToList();
        var labelWidth = horizontal ? BarLabelWidth : ColumnLabelWidth;

        var options = new
        {
            chart = new
            {
                type = hasLine ? "line" : "bar",
                height = spec.Height,
                fontFamily = "inherit",
                parentHeightOffset = 0,
                zoom = new { enabled = false },
                // Presenters take a chart for their own slides: PNG and SVG from the chart menu.
                toolbar = new
                {
                    show = true,
                    tools = new { download = true, selection = false, zoom = false, zoomin = false, zoomout = false, pan = false, reset = false },
                    export = new { png = new { filename = spec.FileName }, svg = new { filename = spec.FileName } },
                },
                // A live change moves the bars to their new values instead of redrawing the chart.
                animations = new { enabled = true, speed = 300, animateGradually = new { enabled = false }, dynamicAnimation = new { enabled = true, speed = 350 } },
            },
            series = spec.Series.Select(s => new
            {
                name = s.Name,
                type = s.Style == SeriesStyle.Bars ? "bar" : "line",
                data = categories.Select(c => s.Points.FirstOrDefault(p => p.Category == c) is { } p
                    ? new { x = Wrap(c, labelWidth), y = p.Value, label = p.Label, fillColor = p.Highlight ? palette[1 % palette.Count] : null } // null: the series colour
                    : new { x = Wrap(c, labelWidth), y = (decimal?)null, label = Format.NoData, fillColor = (string?)null }),
            }),
            colors = spec.Series.Select((s, i) => palette[(s.Colour ?? i) % palette.Count]),
            plotOptions = new
            {
                bar = new
                {
                    horizontal,
                    borderRadius = 3,
                    barHeight = "70%",
                    columnWidth = spec.Series.Count(s => s.Style == SeriesStyle.Bars) > 1 ? "70%" : "55%",
                    // Values sit just past the end of each bar, readable on any bar length and in dark mode (CSS colours them).
                    dataLabels = new { position = "top" },
                },
            },
            dataLabels = new
            {
                enabled = spec.ShowValues,
                enabledOnSeries = spec.Series.Select((s, i) => (s, i)).Where(x => x.s.Style == SeriesStyle.Bars).Select(x => x.i),
                offsetX = horizontal ? 6 : 0,
                offsetY = horizontal ? 0 : -20,
                textAnchor = horizontal ? "start" : "middle",
                style = new { fontSize = "12px", fontWeight = 600, colors = new[] { "#1b1f24" } },
                background = new { enabled = false },
            },
            stroke = new
            {
                width = spec.Series.Select(s => s.Style switch { SeriesStyle.Bars => 0, SeriesStyle.TargetLine => 2, _ => 3 }),
                dashArray = spec.Series.Select(s => s.Style switch { SeriesStyle.DashedLine => 6, SeriesStyle.TargetLine => 3, _ => 0 }),
                curve = "straight",
            },
            markers = new { size = spec.Series.Select(s => s.Style is SeriesStyle.Line or SeriesStyle.DashedLine ? 6 : 0), hover = new { sizeOffset = 2 } },
            xaxis = new
            {
                labels = new { show = !horizontal || spec.ShowValueAxis, rotate = 0, trim = false, hideOverlappingLabels = false },
                axisTicks = new { show = !horizontal || spec.ShowValueAxis },
            },
            // A null max would collapse the value axis: it is left out unless the spec sets one.
            yaxis = spec.Max is { } max
                ? (object)new { min = 0, max, labels = new { maxWidth = horizontal ? 180 : 90 } }
                : new { min = 0, labels = new { maxWidth = horizontal ? 180 : 90 } },
            legend = new { show = spec.Series.Count > 1, position = "bottom", horizontalAlign = "left", fontSize = "14px" },
            tooltip = new { shared = !horizontal && spec.Series.Count > 1, intersect = false },
            grid = new
            {
                strokeDashArray = 3,
                xaxis = new { lines = new { show = horizontal && spec.ShowValueAxis } },
                yaxis = new { lines = new { show = !horizontal } },
                padding = new { right = 8 },
            },
            states = new { active = new { filter = new { type = "none" } } },
        };
        var format = new { unit = spec.Unit, decimals = spec.Decimals, horizontal };
        return JsonSerializer.Serialize(new { options, format }, JsonOptions);
    }

    /// <summary>Splits a long category name into lines at spaces (ApexCharts draws an array as a multi-line label).</summary>
    public static object Wrap(string name, int width)
    {
        if (name.Length <= width)
            return name;
        var lines = new List<string>();
        var line = "";
        // A word too long for a line breaks after its hyphens («Работодатель-» / «ученик»), as Russian typesetting allows.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => w.Length > width ? AfterHyphen().Split(w) : [w]);
        foreach (var word in words)
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return lines;
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=-)(?=.)")]
    private static partial System.Text.RegularExpressions.Regex AfterHyphen();
}
