using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>A sheet as text cells; row 1 is the header. <see cref="RowNumbers"/> are the rows as the user's program numbers them.</summary>
public sealed record SheetText(string Name, IReadOnlyList<string?[]> Rows, IReadOnlyList<int> RowNumbers, IReadOnlyList<CellProblem> Problems);

/// <summary>A problem found while reading, located as the user sees it (sheet, row, column letter or header).</summary>
public sealed record CellProblem(string Sheet, int Row, string Column, string Message)
{
    /// <summary>"Лист «Формы и документы», строка 14, столбец «Ученик-ученик»: ожидается 0 или 1, получено «да»".</summary>
    public string Text
    {
        get
        {
            string?[] parts = [Sheet.Length > 0 ? $"лист «{Sheet}»" : null, Row > 0 ? $"строка {Row}" : null, Column.Length > 0 ? $"столбец {Column}" : null];
            var where = string.Join(", ", parts.OfType<string>());
            var text = where.Length > 0 ? $"{where}: {Message}" : Message;
            return char.ToUpper(text[0], Format.Russian) + text[1..];
        }
    }
}

/// <summary>
/// Reads an uploaded .xlsx or .csv into text cells, refusing what is not a plain spreadsheet before it can cost
/// memory or time: too big, not a spreadsheet, encrypted (password-protected workbooks are OLE files), a zip bomb,
/// formulas, thousands of columns or rows. CSV may be UTF-8 or Windows-1251.
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxColumns = 200;
    public const int MaxRows = 20_000;
    /// <summary>
    /// All the cells a workbook may hold, which bounds what a file makes the server keep: twice the largest template
    /// (10 000 organisations × 52 columns), a quarter of <see cref="MaxRows"/> × <see cref="MaxColumns"/>.
    /// </summary>
    public const int MaxCells = 1_000_000;
    /// <summary>Distinct texts in a workbook (organisation names, headers, levels) and their total length.</summary>
    public const int MaxSharedStrings = 50_000;
    private const long MaxSharedCharacters = 5_000_000;
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;
    private const int MaxCompressionRatio = 200;

    // Windows-1251 is not among .NET's built-in encodings.
    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The sheets, or the reason the file is refused (in Russian).</summary>
    /// <param name="limit">Stops the reading when its page goes away or its time runs out (none: read to the end).</param>
    public static (IReadOnlyList<SheetText> Sheets, string? Refusal) Read(byte[] content, string fileName, ReadingLimit? limit = null)
    {
        var checkedLimit = limit ?? ReadingLimit.None;
        if (content.Length == 0)
            return ([], "Файл пуст.");
        if (content.Length > MaxFileBytes)
            return ([], $"Файл больше {MaxFileBytes / 1024 / 1024} МБ. Загрузите таблицу одного муниципалитета.");
        if (content is [0xD0, 0xCF, 0x11, 0xE0, ..])
            return ([], "Файл защищён паролем или сохранён в старом формате .xls. Сохраните его в Excel как «Книга Excel (.xlsx)» без пароля.");
        if (content is [0x50, 0x4B, 0x03, 0x04, ..])
            return ReadXlsx(content, checkedLimit);
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            return ReadCsv(content, checkedLimit);
        return ([], "Файл не является таблицей .xlsx или .csv.");
    }

    private static (IReadOnlyList<SheetText>, string?) ReadXlsx(byte[] content, ReadingLimit limit)
    {
        // Declared sizes first: a few kilobytes that unpack to gigabytes are refused before anything is unpacked.
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (entry.Length > 1024 * 1024 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxCompressionRatio)
                    return ([], "Файл отклонён: подозрительно сильное сжатие (архивная «бомба»).");
            }
            if (unpacked > MaxUnpackedBytes)
                return ([], "Файл отклонён: в распакованном виде он больше 200 МБ.");
            // Depth, elements, runs and sheets, read without building a tree, before the SDK's recursive loader sees them.
            if (XlsxStructure.Check(zip, MaxCharactersInPart, limit) is { } refusal)
                return ([], refusal);
        }
        catch (InvalidDataException)
        {
            return ([], CorruptXlsx + ".");
        }

        try
        {
            // MaxCharactersInPart also guards against sizes the archive misstates.
            using var document = SpreadsheetDocument.Open(new MemoryStream(content), false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var (strings, tooMany) = SharedStrings(workbook.SharedStringTablePart);
            if (tooMany is not null)
                return ([], tooMany);
            var sheets = new List<SheetText>();
            var budget = new CellBudget();
            foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                    continue;
                var (read, refusal) = ReadWorksheet(sheet.Name?.Value ?? "", part, strings, budget, limit);
                if (refusal is not null)
                    return ([], refusal);
                sheets.Add(read!);
            }
            return sheets.Count == 0 ? ([], "В книге нет листов с данными.") : (sheets, null);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException or TimeoutException))
        {
            // Any part the SDK cannot read (a missing relationship, an attribute it cannot parse): one answer, never a
            // frozen upload panel. The importer logs the refusal with the file's name.
            return ([], $"{CorruptXlsx} ({e.GetType().Name})");
        }
    }

    private const long MaxCharactersInPart = 50_000_000;

    /// <summary>The refusal of a file whose parts cannot be read.</summary>
    public const string CorruptXlsx = "Файл повреждён или не является таблицей .xlsx";

    /// <summary>Cells read so far in the whole workbook, against <see cref="MaxCells"/>; short values share one string each.</summary>
    private sealed class CellBudget
    {
        public int Cells;
        public readonly Dictionary<string, string> ShortValues = new(StringComparer.Ordinal);

        /// <summary>The same «1» or «0» a hundred thousand times is one string in memory, not a hundred thousand.</summary>
        public string? Shared(string? value)
        {
            if (value is not { Length: <= 16 })
                return value;
            if (ShortValues.TryGetValue(value, out var known))
                return known;
            if (ShortValues.Count < 10_000)
                ShortValues[value] = value;
            return value;
        }
    }

    /// <summary>The workbook's shared texts, read one by one (never as a document tree), within their limits.</summary>
    private static (string[] Strings, string? Refusal) SharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
            return ([], null);
        var strings = new List<string>();
        long characters = 0;
        using var reader = OpenXmlReader.Create(part);
        reader.Read(); // onto the root element
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                var text = reader.LoadCurrentElement()!.InnerText; // moves the reader past the item
                characters += text.Length;
                if (strings.Count >= MaxSharedStrings || characters > MaxSharedCharacters)
                    return ([], $"В книге больше {Format.Number(MaxSharedStrings)} разных текстов или больше {MaxSharedCharacters / 1_000_000} млн символов текста — это не таблица одного муниципалитета.");
                strings.Add(text);
                continue;
            }
            reader.Read();
        }
        return ([.. strings], null);
    }

    /// <summary>
    /// Row by row and cell by cell with a forward-only reader: only one cell is ever a document tree, so a row of
    /// millions of cells costs no more memory than the cells allowed before it is refused.
    /// </summary>
    private static (SheetText?, string?) ReadWorksheet(string name, WorksheetPart part, string[] strings, CellBudget budget, ReadingLimit limit)
    {
        var rows = new List<string?[]>();
        var numbers = new List<int>();
        var problems = new List<CellProblem>();
        var rowsRead = 0;
        List<string?>? cells = null;
        var number = 0;
        var previous = 0;

        void EndRow()
        {
            if (cells is null)
                return;
            if (!cells.All(string.IsNullOrWhiteSpace))
            {
                rows.Add([.. cells]);
                numbers.Add(number);
            }
            previous = number;
            cells = null;
        }

        using var reader = OpenXmlReader.Create(part);
        reader.Read(); // onto the root element
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                EndRow();
                limit.Check();
                // Empty rows count too: 2,5 million of them are not a municipality's table either.
                if (++rowsRead > MaxRows)
                    return (null, $"Лист «{name}»: больше {Format.Number(MaxRows)} строк — это не таблица одного муниципалитета.");
                // The row number as written, read without the SDK's parser (which throws on «abc» or 2^40).
                var written = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                if (written is null)
                    number = previous + 1;
                else if (!int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 1_048_576)
                    return (null, $"Лист «{name}»: неверный номер строки «{Shorten(written)}» — файл повреждён.");
                cells = [];
                reader.Read();
                continue;
            }
            if (reader.IsStartElement && reader.ElementType == typeof(Cell) && cells is not null)
            {
                // Counted per cell, not per column letter: a row of millions of cells all addressed «A1» is refused too.
                if (cells.Count >= MaxColumns)
                    return (null, $"Лист «{name}»: больше {Format.Number(MaxColumns)} столбцов — это не шаблон мониторинга.");
                if (++budget.Cells > MaxCells)
                    return (null, $"В книге больше {Format.Number(MaxCells)} заполненных ячеек — это не таблица одного муниципалитета.");
                var cell = (Cell)reader.LoadCurrentElement()!; // moves the reader past the cell
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                if (column >= MaxColumns)
                    return (null, $"Лист «{name}»: больше {Format.Number(MaxColumns)} столбцов — это не шаблон мониторинга.");
                while (cells.Count < column)
                    cells.Add(null);
                if (cell.CellFormula is not null)
                {
                    problems.Add(new(name, number, ColumnLetter(column), "формулы не принимаются — вставьте значения (Специальная вставка → Значения)"));
                    cells.Add(null);
                    continue;
                }
                cells.Add(budget.Shared(Text(cell, strings)));
                continue;
            }
            if (reader.IsEndElement && reader.ElementType == typeof(Row))
                EndRow();
            reader.Read();
        }
        EndRow();
        return (new SheetText(name, rows, numbers, problems), null);
    }

    private static string? Text(Cell cell, string[] strings)
    {
        var raw = cell.CellValue?.Text;
        // The type as written («s», «inlineStr», «b»…): an unknown one is read as a plain value, not an exception.
        return cell.DataType?.InnerText switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? strings[i] : null,
            "inlineStr" => cell.InlineString?.InnerText,
            "b" => raw == "1" ? "1" : "0",
            _ => raw,
        };
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;

    /// <summary>A CSV file is one unnamed sheet (messages then say only row and column).</summary>
    private static (IReadOnlyList<SheetText>, string?) ReadCsv(byte[] content, ReadingLimit limit)
    {
        // «Текст в Юникоде» from Excel is UTF-16 with its byte order mark; other bytes of zero mean a binary file.
        var utf16 = content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        if (!utf16 && Array.IndexOf(content, (byte)0) >= 0)
            return ([], "Файл не является текстовой таблицей .csv.");
        var text = utf16 ? Encoding.GetEncoding(content[0] == 0xFF ? "utf-16" : "utf-16BE").GetString(content, 2, content.Length - 2) : Decode(content);
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length));
        var delimiter = firstLine.Contains(';') ? ";" : firstLine.Contains('\t') ? "\t" : ",";
        var rows = new List<string?[]>();
        var numbers = new List<int>();
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter, HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false,
        });
        while (csv.Read())
        {
            limit.Check();
            var record = csv.Parser.Record ?? [];
            if (record.Length > MaxColumns)
                return ([], $"В файле больше {Format.Number(MaxColumns)} столбцов — это не шаблон мониторинга.");
            if (rows.Count >= MaxRows)
                return ([], $"В файле больше {Format.Number(MaxRows)} строк — это не таблица одного муниципалитета.");
            if (record.All(string.IsNullOrWhiteSpace))
                continue;
            rows.Add(record);
            numbers.Add(csv.Parser.RawRow);
        }
        return rows.Count == 0 ? ([], "Файл пуст.") : ([new SheetText("", rows, numbers, [])], null);
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1251 as Russian Excel saves CSV.</summary>
    /// <remarks>Any other single-byte encoding (KOI8-R, CP866) reads as garbled headers, which the header check names.</remarks>
    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1251).GetString(content);
        }
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
                break;
            index = index * 26 + (c - 'A' + 1);
            if (index > 100_000)
                return int.MaxValue;
        }
        return index - 1;
    }

    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
            letters = (char)('A' + (index - 1) % 26) + letters;
        return letters;
    }
}
