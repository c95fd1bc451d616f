using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mentoring.Dashboard.Services.Export;

/// <summary>Writes an <see cref="ExportTable"/> as CSV the way Russian Excel opens it: UTF-8 with BOM, ";" between cells.</summary>
public static class CsvTableWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(Format.Russian) { Delimiter = ";" }))
        {
            foreach (var header in table.Headers)
                csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                // Numbers in ru-RU ("79,8"), as Russian Excel reads them.
                foreach (var cell in row)
                    csv.WriteField(cell is IFormattable number ? number.ToString(null, Format.Russian) : Neutralise(cell?.ToString() ?? ""));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    // A signed number with one of our units («+8,4 п.п.», «-3 ОО») cannot carry a formula: it stays as the page shows it.
    private static readonly System.Text.RegularExpressions.Regex SignedFigure =
        new(@"^[+\-][0-9][0-9\u00A0 ]*(,[0-9]+)?(\u00A0| )?(п\.п\.|%|ОО|чел\.|ед\.)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Text a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return: OWASP's CSV
    /// injection list) gets a leading apostrophe, so it is read as text. Organisation names come from users.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !SignedFigure.IsMatch(text) ? "'" + text : text;
}

/// <summary>Writes <see cref="ExportTable"/>s as an .xlsx, one sheet each, with a bold, frozen header row.</summary>
public static class XlsxTableWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ExportTable table) => Write([table]);

    /// <summary>Each table becomes a sheet named after its title.</summary>
    public static byte[] Write(IReadOnlyList<ExportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var table in tables)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(1, table.Headers.Cast<object?>(), styleIndex: 1));
                uint rowIndex = 2;
                foreach (var row in table.Rows)
                    data.Append(Row(rowIndex++, row, styleIndex: 0));
                var frozenHeader = new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0 });
                var widths = new Columns(table.Headers.Select((h, i) => new Column
                {
                    Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true,
                    Width = Math.Min(80, Math.Max(h.Length, table.Rows.Select(r => r.ElementAtOrDefault(i)?.ToString()?.Length ?? 0).DefaultIfEmpty().Max()) + 2),
                }));
                sheetPart.Worksheet = new Worksheet(frozenHeader, widths, data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = sheetId++, Name = SheetName(table.Title) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint rowIndex, IEnumerable<object?> cells, uint styleIndex) =>
        new(cells.Select((value, column) =>
        {
            var reference = Services.Intake.SpreadsheetReader.ColumnLetter(column) + rowIndex.ToString(CultureInfo.InvariantCulture);
            return value switch
            {
                null => new Cell { CellReference = reference, StyleIndex = styleIndex },
                int or long or decimal or double => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number, StyleIndex = styleIndex,
                    CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                },
                _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = styleIndex, InlineString = new InlineString(new Text(InputText.XmlSafe(value.ToString()!))) },
            };
        }))
        { RowIndex = rowIndex };

    /// <summary>Sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var name = new string(InputText.Line(title).Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return name.Length > 31 ? name[..31] : name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
