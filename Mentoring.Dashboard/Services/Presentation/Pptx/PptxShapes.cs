using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Mentoring.Dashboard.Services.Export;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using P = DocumentFormat.OpenXml.Presentation;

namespace Mentoring.Dashboard.Services.Presentation.Pptx;

/// <summary>A box on a slide in the page's own units: the 1600×900 of the slide on screen.</summary>
public readonly record struct Box(int X, int Y, int Width, int Height)
{
    /// <summary>A 16:9 PowerPoint slide is 12 192 000 EMU wide: 7 620 EMU per pixel of a 1600-pixel slide.</summary>
    public const long EmuPerPixel = 7_620;

    public A.Offset Offset() => new() { X = X * EmuPerPixel, Y = Y * EmuPerPixel };
    public A.Extents Extents() => new() { Cx = Width * EmuPerPixel, Cy = Height * EmuPerPixel };
}

/// <summary>
/// The editable pieces a .pptx slide is made of: text boxes, tables and charts that carry their data (the chart's
/// values are cached in the chart and kept in an embedded workbook, so «Изменить данные» opens them).
/// </summary>
public sealed class PptxShapes(SlidePart slidePart)
{
    public const string Ink = "1F2A37";
    public const string Muted = "5B6B7F";
    public const string Brand = "1F4E8C";
    public const string BrandLight = "5B8FD6";
    public const string Accent = "F2B632";
    public const string Grey = "9AA8BA";
    public static readonly string[] SeriesColours = [Brand, BrandLight, Accent, "7A8A9E"];

    private const string TableUri = "http://schemas.openxmlformats.org/drawingml/2006/table";
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    private readonly List<OpenXmlElement> shapes = [];
    private uint nextId = 2;

    public IReadOnlyList<OpenXmlElement> All => shapes;

    /// <summary>A text box with one paragraph per line.</summary>
    public void Text(Box box, TextStyle style, params string[] lines) =>
        Paragraphs(box, lines.Select(line => Paragraph(line, style)).ToArray());

    /// <summary>A text box with a bullet (or a number, <paramref name="numbered"/>) before each point.</summary>
    public void Bullets(Box box, TextStyle style, IEnumerable<string> points, bool numbered = false) =>
        Paragraphs(box, points.Select(point =>
        {
            var properties = new A.ParagraphProperties { LeftMargin = 457_200, Indent = -457_200 };
            properties.Append(new A.SpaceAfter(new A.SpacingPoints { Val = style.Hundredths / 2 }));
            properties.Append(numbered
                ? new A.AutoNumberedBullet { Type = A.TextAutoNumberSchemeValues.ArabicPeriod }
                : new A.CharacterBullet { Char = "•" });
            return Paragraph(point, style, properties);
        }).ToArray());

    /// <summary>
    /// The slide's title, in the layout's title placeholder: PowerPoint's outline, its accessibility checker and a
    /// screen reader find it there. Placed and styled here, so it looks the same in every program.
    /// </summary>
    public void Title(Box box, TextStyle style, string title) =>
        Paragraphs(box, [Paragraph(title, style)], new P.PlaceholderShape { Type = P.PlaceholderValues.Title }, "Заголовок");

    /// <summary>A text box holding the given paragraphs, top-aligned, wrapping, shrinking nothing.</summary>
    public void Paragraphs(Box box, params A.Paragraph[] paragraphs) => Paragraphs(box, paragraphs, null, null);

    private void Paragraphs(Box box, A.Paragraph[] paragraphs, P.PlaceholderShape? placeholder, string? name)
    {
        var id = nextId++;
        var body = new P.TextBody(new A.BodyProperties { Wrap = A.TextWrappingValues.Square, LeftInset = 0, RightInset = 0, TopInset = 0, BottomInset = 0 }, new A.ListStyle());
        body.Append(paragraphs.Length > 0 ? paragraphs : [new A.Paragraph()]);
        shapes.Add(new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = $"{name ?? "Текст"} {id}" },
                placeholder is null ? new P.NonVisualShapeDrawingProperties { TextBox = true } : new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                placeholder is null ? new P.ApplicationNonVisualDrawingProperties() : new P.ApplicationNonVisualDrawingProperties(placeholder)),
            new P.ShapeProperties(
                new A.Transform2D(box.Offset(), box.Extents()),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle },
                new A.NoFill()),
            body));
    }

    public static A.Paragraph Paragraph(string text, TextStyle style, A.ParagraphProperties? properties = null)
    {
        var paragraph = new A.Paragraph();
        if (properties is not null)
            paragraph.Append(properties);
        paragraph.Append(Run(text, style));
        return paragraph;
    }

    public static A.Run Run(string text, TextStyle style) => new(
        new A.RunProperties(new A.SolidFill(Rgb(style.Colour)), new A.LatinFont { Typeface = "Arial" }, new A.ComplexScriptFont { Typeface = "Arial" })
        {
            Language = "ru-RU", FontSize = style.Hundredths, Bold = style.Bold, Dirty = false,
        },
        new A.Text(InputText.XmlSafe(text)));

    /// <summary>A real table: a header row, then the rows; column widths in the page's pixels.</summary>
    public void Table(Box box, IReadOnlyList<int> widths, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int pixels = PptxSlides.BodyPixels)
    {
        var id = nextId++;
        var table = new A.Table(
            new A.TableProperties { FirstRow = true, BandRow = false },
            new A.TableGrid(widths.Select(w => new A.GridColumn { Width = w * Box.EmuPerPixel })));
        var height = 0;
        foreach (var (cells, style, fill) in rows.Select(r => (r, new TextStyle(pixels), (string?)null))
                     .Prepend((headers, new TextStyle(pixels, Bold: true, Colour: Muted), "EEF2F7")))
        {
            var rowHeight = RowHeight(widths, cells, pixels);
            height += rowHeight;
            table.Append(Row(cells, style, rowHeight, fill));
        }
        shapes.Add(new P.GraphicFrame(
            new P.NonVisualGraphicFrameProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = $"Таблица {id}" },
                new P.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoGrouping = true }),
                new P.ApplicationNonVisualDrawingProperties()),
            new P.Transform(box.Offset(), (box with { Height = Math.Min(box.Height, height) }).Extents()),
            new A.Graphic(new A.GraphicData(table) { Uri = TableUri })));
    }

    /// <summary>
    /// A row as tall as its longest cell needs, estimated low (lines at 1,15 × the type, an average Arial letter at half
    /// of it, plus the cell's margins) since every program grows a row to its text but none shrinks one: not a share of
    /// the frame, so a one-row table is one row high, as in PowerPoint's own tables.
    /// </summary>
    private static int RowHeight(IReadOnlyList<int> widths, IReadOnlyList<string> cells, int pixels)
    {
        var lines = cells.Select((text, i) =>
        {
            var perLine = Math.Max(1, (int)((widths[Math.Min(i, widths.Count - 1)] - 18) / (pixels * 0.5)));
            return Math.Max(1, (int)Math.Ceiling(text.Length / (double)perLine));
        }).DefaultIfEmpty(1).Max();
        return (int)Math.Ceiling(lines * pixels * 1.15) + 10;
    }

    private static A.TableRow Row(IReadOnlyList<string> cells, TextStyle style, int height, string? fill) =>
        new(cells.Select(text =>
        {
            var properties = new A.TableCellProperties { LeftMargin = 68_580, RightMargin = 68_580, TopMargin = 34_290, BottomMargin = 34_290 };
            properties.Append(new A.BottomBorderLineProperties(new A.SolidFill(Rgb("D5DCE6"))) { Width = 9_525 });
            if (fill is not null)
                properties.Append(new A.SolidFill(Rgb(fill)));
            return new A.TableCell(new A.TextBody(new A.BodyProperties(), new A.ListStyle(), Paragraph(text, style)), properties);
        }))
        { Height = height * Box.EmuPerPixel };

    /// <summary>
    /// A chart's text: Arial in the ink colour, at a size in the page's pixels, turned by <paramref name="degrees"/>
    /// (anticlockwise), or as the application sees fit where null.
    /// </summary>
    private static C.TextProperties TextOf(int pixels, int? degrees = 0) => new(
        degrees is { } turn ? new A.BodyProperties { Rotation = -turn * 60_000, Vertical = A.TextVerticalValues.Horizontal } : new A.BodyProperties(),
        new A.ListStyle(),
        new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties(new A.SolidFill(Rgb(Ink)), new A.LatinFont { Typeface = "Arial" }) { FontSize = pixels * 60 }),
            new A.EndParagraphRunProperties { Language = "ru-RU" }));

    /// <summary>
    /// Values over columns read across where a column is wide enough for them, and upwards where several series share
    /// a category: at the chart's size either way, since a label wider than its column would run into its neighbour's.
    /// </summary>
    private static bool LabelsReadUpwards(Box box, int categories, IReadOnlyList<NativeChartSeries> series, bool horizontal, int pixels)
    {
        if (horizontal || categories == 0)
            return false;
        // «80,8 %»: the longest value and its unit, an average Arial figure at 0,55 of the type's size.
        var characters = series.SelectMany(s => s.Values).Max(v => v is { } value ? value.ToString("0.#", CultureInfo.InvariantCulture).Length + 2 : 0);
        var column = box.Width * 0.9 / (categories * (series.Count + 0.6));
        return characters * 0.55 * pixels > column;
    }

    /// <summary>
    /// Column names read across where each of their words (a hyphenated one broken after its hyphen) fits its column:
    /// said outright, since LibreOffice otherwise slants names it could have wrapped. A word wider than its column is
    /// left to the application, which slants the names rather than break the word.
    /// </summary>
    private static bool NamesReadAcross(Box box, IReadOnlyList<string> categories, int pixels) =>
        categories.Count > 0 && categories.SelectMany(c => c.Split([' ', '\u00A0'])).SelectMany(w => w.Split('-'))
            .Max(part => part.Length + 1) * 0.55 * pixels <= box.Width * 0.9 / categories.Count;

    /// <summary>
    /// Names beside bars no taller than a bar's pitch lets them be: LibreOffice hides every other name that would
    /// touch its neighbour. A line and a quarter per bar holds a ranking of ten at 18 pt (a name that wraps borrows
    /// from its neighbours' spacing); a longer list gets a smaller type, never under 20 px.
    /// </summary>
    private static int CategoryPixels(Box box, int categories, bool horizontal, int pixels) =>
        horizontal && categories > 0 ? Math.Clamp((int)(box.Height * 0.85 / categories / 1.25), 20, pixels) : pixels;

    /// <summary>
    /// A native bar chart (<paramref name="horizontal"/>: bars, else columns): its categories and series are cached in
    /// the chart and written to an embedded workbook, so PowerPoint, Impress and Р7 redraw and edit it from its data.
    /// </summary>
    /// <param name="percent">Values are percentages: labels read «78,2 %» (the values as rounded for the slide), the axis «80 %»; else whole numbers «1 467».</param>
    public void Chart(Box box, IReadOnlyList<string> categories, IReadOnlyList<NativeChartSeries> series, bool horizontal, bool percent,
        decimal? maximum = null, int pixels = PptxSlides.BodyPixels)
    {
        var labelFormat = NumberFormat(percent ? "General\" %\"" : "#,##0");
        var upwards = LabelsReadUpwards(box, categories.Count, series, horizontal, pixels);
        var axisFormat = NumberFormat(percent ? "0\" %\"" : "#,##0");
        var id = nextId++;
        var chartPart = slidePart.AddNewPart<ChartPart>();
        const string workbookId = "rIdData";
        var workbook = chartPart.AddNewPart<EmbeddedPackagePart>(XlsxTableWriter.ContentType, workbookId);
        const string sheet = "Данные";
        using (var data = new MemoryStream(XlsxTableWriter.Write(new ExportTable(sheet,
                   ["", .. series.Select(s => s.Name)],
                   categories.Select((c, i) => (IReadOnlyList<object?>)[c, .. series.Select(s => (object?)s.Values[i])]).ToList()))))
            workbook.FeedData(data);

        var last = categories.Count + 1;
        var bars = new C.BarChart(
            new C.BarDirection { Val = horizontal ? C.BarDirectionValues.Bar : C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        for (var s = 0; s < series.Count; s++)
        {
            var column = Intake.SpreadsheetReader.ColumnLetter(s + 1);
            bars.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)s },
                new C.Order { Val = (uint)s },
                new C.SeriesText(new C.StringReference(
                    new C.Formula($"'{sheet}'!${column}$1"),
                    new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(series[s].Name)) { Index = 0 }))),
                new C.ChartShapeProperties(new A.SolidFill(Rgb(series[s].Colour))),
                new C.InvertIfNegative { Val = false },
                new C.DataLabels(
                    new C.NumberingFormat { FormatCode = labelFormat, SourceLinked = false },
                    TextOf(pixels, upwards ? 90 : 0),
                    new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                    new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
                new C.CategoryAxisData(new C.StringReference(
                    new C.Formula($"'{sheet}'!$A$2:$A${last}"),
                    new C.StringCache(new[] { (OpenXmlElement)new C.PointCount { Val = (uint)categories.Count } }
                        .Concat(categories.Select((c, i) => new C.StringPoint(new C.NumericValue(c)) { Index = (uint)i }))))),
                new C.Values(new C.NumberReference(
                    new C.Formula($"'{sheet}'!${column}$2:${column}${last}"),
                    new C.NumberingCache(new[] { (OpenXmlElement)new C.FormatCode(labelFormat), new C.PointCount { Val = (uint)categories.Count } }
                        .Concat(series[s].Values.Select((v, i) => (Value: v, Index: i)).Where(p => p.Value is not null)
                            .Select(p => new C.NumericPoint(new C.NumericValue(p.Value!.Value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)p.Index })))))));
        }
        bars.Append(new C.GapWidth { Val = 60 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });

        var scaling = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (maximum is { } max)
            scaling.Append(new C.MaxAxisValue { Val = (double)max }, new C.MinAxisValue { Val = 0 });
        var chart = new C.Chart(
            new C.AutoTitleDeleted { Val = true },
            new C.PlotArea(
                new C.Layout(),
                bars,
                new C.CategoryAxis(
                    new C.AxisId { Val = 1 },
                    // Bars read top to bottom in the order given, as on the page.
                    new C.Scaling(new C.Orientation { Val = horizontal ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
                    new C.Delete { Val = false },
                    new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom },
                    new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                    new C.MajorTickMark { Val = C.TickMarkValues.None },
                    new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                    TextOf(CategoryPixels(box, categories.Count, horizontal, pixels), horizontal || NamesReadAcross(box, categories, pixels) ? 0 : null),
                    new C.CrossingAxis { Val = 2 },
                    new C.Crosses { Val = C.CrossesValues.AutoZero },
                    new C.AutoLabeled { Val = true },
                    new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                    new C.LabelOffset { Val = 100 },
                    // Every category named: left to itself, LibreOffice drops every other name of a long ranking.
                    new C.TickLabelSkip { Val = 1 },
                    new C.NoMultiLevelLabels { Val = false }),
                new C.ValueAxis(
                    new C.AxisId { Val = 2 },
                    scaling,
                    new C.Delete { Val = false },
                    new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left },
                    new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(Rgb("E6EBF2"))) { Width = 9_525 })),
                    new C.NumberingFormat { FormatCode = axisFormat, SourceLinked = false },
                    new C.MajorTickMark { Val = C.TickMarkValues.None },
                    new C.MinorTickMark { Val = C.TickMarkValues.None },
                    // Bars carry their values; beside long names the scale's eleven labels only slanted over the chart.
                    new C.TickLabelPosition { Val = horizontal ? C.TickLabelPositionValues.None : C.TickLabelPositionValues.NextTo },
                    new C.CrossingAxis { Val = 1 },
                    new C.Crosses { Val = C.CrossesValues.AutoZero },
                    new C.CrossBetween { Val = C.CrossBetweenValues.Between })));
        if (series.Count > 1)
            chart.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }));
        chart.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        chartPart.ChartSpace = new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "ru-RU" },
            new C.RoundedCorners { Val = false },
            chart,
            TextOf(pixels),
            new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = workbookId });

        shapes.Add(new P.GraphicFrame(
            new P.NonVisualGraphicFrameProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = $"Диаграмма {id}" },
                new P.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoGrouping = true }),
                new P.ApplicationNonVisualDrawingProperties()),
            new P.Transform(box.Offset(), box.Extents()),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = slidePart.GetIdOfPart(chartPart) }) { Uri = ChartUri })));
    }

    public static A.RgbColorModelHex Rgb(string hex) => new() { Val = hex };

    /// <summary>
    /// A chart number format in Russian conventions: [$-419] (ru-RU) makes LibreOffice and Р7 use the decimal comma and
    /// the space between thousands whatever their own language; PowerPoint takes them from the system, Russian here.
    /// </summary>
    private static string NumberFormat(string code) => "[$-419]" + code;
}
