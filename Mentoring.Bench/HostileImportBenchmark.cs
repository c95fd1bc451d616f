using System.IO.Compression;
using System.Text;
using Mentoring.Dashboard.Services.Export;
using Mentoring.Dashboard.Services.Intake;

namespace Mentoring.Bench;

/// <param name="PeakMiB">The managed heap's peak above its baseline while reading, garbage not yet collected included.</param>
/// <param name="RetainedMiB">What the read result keeps once garbage is collected.</param>
/// <param name="Seconds">How long the reader took to read or refuse it.</param>
public sealed record HostileResult(string File, long FileBytes, string Outcome, double PeakMiB, double RetainedMiB, double AllocatedMiB, double Seconds);

/// <summary>
/// What the worst uploads cost the server while they are read and refused: the managed heap's peak above its
/// baseline (sampled every millisecond or so) and the bytes allocated, for hostile workbooks of the kinds the import
/// tests refuse, each under the 10 MB limit. Goal: at most 100 MB for any of them.
/// </summary>
public static class HostileImportBenchmark
{
    public const double GoalMiB = 100;

    public const double GoalSeconds = 5;

    public static IReadOnlyList<HostileResult> Run() =>
        Files().Select(f => Measure(f.Name, f.Bytes)).ToList();

    private static HostileResult Measure(string name, byte[] file)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        var reading = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref reading))
            {
                var now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref peak))
                    Interlocked.Exchange(ref peak, now);
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (sheets, refusal) = SpreadsheetReader.Read(file, "upload.xlsx");
        var seconds = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Volatile.Write(ref reading, false);
        sampler.Join();
        var outcome = refusal ?? $"прочитан: {sheets.Sum(s => s.Rows.Count)} строк";
        var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        GC.KeepAlive(sheets);
        return new HostileResult(name, file.Length, outcome, (Interlocked.Read(ref peak) - baseline) / 1048576.0, retained / 1048576.0, allocated / 1048576.0, seconds);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Files()
    {
        var random = new Random(2024);
        yield return ("одна строка из 1,9 млн ячеек, все «A1»", WithRows(sb =>
        {
            sb.Append("<row r=\"1\">");
            for (var i = 0; i < 1_900_000; i++)
                sb.Append("<c r=\"A1\"><v>").Append(random.Next(1000)).Append("</v></c>");
            sb.Append("</row>");
        }));
        yield return ("2,5 млн пустых строк", WithRows(sb =>
        {
            for (var i = 1; i <= 2_500_000; i++)
                sb.Append("<row r=\"").Append(i).Append("\"/>");
        }));
        yield return ("10 000 строк × 100 ячеек (ровно 1 млн, читается)", WithRows(sb => Grid(sb, 10_000, 100, random)));
        yield return ("5 001 строка × 200 ячеек (чуть больше 1 млн)", WithRows(sb => Grid(sb, 5_001, 200, random)));
        // These two used to end the process (a stack overflow in the SDK) or take gigabytes: refused before the SDK reads them.
        yield return ("100 000 вложенных элементов в ячейке", WithRows(sb => sb.Append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>")
            .Insert(sb.Length, "<q>", 100_000).Insert(sb.Length, "</q>", 100_000).Append("</is></c></row>")));
        yield return ("2,6 млн фрагментов текста в одной ячейке", WithRows(sb => sb.Append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>")
            .Insert(sb.Length, "<r><t>a</t></r>", 2_600_000).Append("</is></c></row>")));
        var nested = string.Concat(Enumerable.Repeat("<q>", 100_000)) + string.Concat(Enumerable.Repeat("</q>", 100_000));
        yield return ("100 000 вложенных элементов в описании книги", WithPart("xl/workbook", xml => BeforeLastEnd(xml, nested)));
        yield return ("100 000 вложенных элементов в стилях", WithPart("xl/styles", xml => BeforeLastEnd(xml, nested)));
        yield return ("100 000 вложенных элементов в общих текстах", WithPart("xl/sharedStrings", _ => SharedStrings($"<si>{nested}</si>")));
        yield return ("общий текст из 2,6 млн фрагментов", WithPart("xl/sharedStrings",
            _ => SharedStrings("<si>" + string.Concat(Enumerable.Repeat("<r><t>a</t></r>", 2_600_000)) + "</si>")));
        static Func<string, string> Sheets(int count) => xml => System.Text.RegularExpressions.Regex.Replace(xml,
            "(<(?:x:)?sheet [^>]*/>)", m => string.Concat(Enumerable.Range(0, count).Select(_ => m.Value)));
        yield return ("20 000 листов, все на один лист", WithPart("xl/workbook", Sheets(20_000)));
        // The most reading the limits allow without cells: 50 sheets (the limit), each the same 20 000 empty rows.
        var emptyRows = WithRows(sb =>
        {
            for (var i = 1; i <= 20_000; i++)
                sb.Append("<row r=\"").Append(i).Append("\"/>");
        });
        yield return ("50 листов, все на один лист из 20 000 пустых строк", WithPart("xl/workbook", Sheets(50), emptyRows));
    }

    private static string BeforeLastEnd(string xml, string inner)
    {
        var end = xml.LastIndexOf("</", StringComparison.Ordinal);
        return xml[..end] + inner + xml[end..];
    }

    private static string SharedStrings(string items) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{items}</sst>";

    /// <summary>The product's own one-sheet workbook with one part rewritten (or added, when the writer has none).</summary>
    private static byte[] WithPart(string partPrefix, Func<string, string> rewrite, byte[]? workbook = null)
    {
        workbook ??= XlsxTableWriter.Write(new ExportTable("Лист", ["Образовательная организация"], [["СШ № 1"]]));
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.StartsWith(partPrefix, StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            var name = entry?.FullName ?? partPrefix + ".xml";
            var xml = "";
            if (entry is not null)
            {
                using (var reader = new StreamReader(entry.Open()))
                    xml = reader.ReadToEnd();
                entry.Delete();
            }
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open());
            writer.Write(rewrite(xml));
        }
        return stream.ToArray();
    }

    /// <summary>Rows of single random digits: varied enough that the archive's compression does not refuse the file first.</summary>
    private static void Grid(StringBuilder sb, int rows, int cells, Random random)
    {
        for (var r = 1; r <= rows; r++)
        {
            sb.Append("<row r=\"").Append(r).Append("\">");
            for (var c = 0; c < cells; c++)
                sb.Append("<c><v>").Append(random.Next(10)).Append("</v></c>");
            sb.Append("</row>");
        }
    }

    /// <summary>A one-sheet workbook from the product's own writer, its sheet's rows replaced by <paramref name="rows"/>.</summary>
    private static byte[] WithRows(Action<StringBuilder> rows) => WithPart("xl/worksheets/", xml =>
    {
        var prefix = xml.Contains("<x:sheetData", StringComparison.Ordinal) ? "x:" : "";
        var body = new StringBuilder();
        rows(body);
        var data = prefix.Length == 0 ? body.ToString() : body.ToString().Replace("<row", "<x:row").Replace("</row", "</x:row").Replace("<c", "<x:c").Replace("</c>", "</x:c>").Replace("<v>", "<x:v>").Replace("</v>", "</x:v>");
        var start = xml.IndexOf($"<{prefix}sheetData>", StringComparison.Ordinal) + $"<{prefix}sheetData>".Length;
        var end = xml.IndexOf($"</{prefix}sheetData>", StringComparison.Ordinal);
        return xml[..start] + data + xml[end..];
    });
}
