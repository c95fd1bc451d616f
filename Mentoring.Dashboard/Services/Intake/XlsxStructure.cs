using System.IO.Compression;
using System.Xml;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>
/// Reads every XML part of an uploaded workbook once, with a forward-only <see cref="XmlReader"/>, before the OpenXml
/// SDK sees it. The SDK loads elements recursively: 100 000 nested elements in one cell overflow the stack, which no
/// .NET code can catch and which ends every user's session. This pass keeps no tree, so it bounds what the SDK may be
/// given: the nesting depth, the elements of a part, the text runs of the shared strings and the sheets of a book.
/// </summary>
public static class XlsxStructure
{
    /// <summary>Deeper than any part Excel, LibreOffice or our own writer produces (a chart's text is about 15 deep).</summary>
    public const int MaxDepth = 64;

    /// <summary>A sheet at the cell limit is about three million elements (row, c, v); a part with more is no table of ours.</summary>
    public const int MaxElementsPerPart = 4_000_000;

    /// <summary>Rich-text runs over all shared strings: a municipality's texts have a few thousand, not millions.</summary>
    public const int MaxSharedStringRuns = 100_000;

    public const int MaxSheets = 50;

    /// <summary>The refusal for a workbook whose structure is out of bounds, or null when every part is within them.</summary>
    public static string? Check(ZipArchive zip, long maxCharactersPerPart, ReadingLimit? limit = null)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharactersPerPart,
            IgnoreWhitespace = true,
            IgnoreComments = true,
        };
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                                                     || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            var isSharedStrings = entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
            var isWorkbook = entry.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase);
            long elements = 0, runs = 0, sheets = 0;
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, settings);
            // A part that is not well-formed, or declares a document type (XXE, «billion laughs»), is refused here.
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                        continue;
                    if ((elements & 0xFFF) == 0)
                        limit?.Check();
                    if (reader.Depth > MaxDepth)
                        return $"Файл отклонён: в части «{entry.FullName}» вложенность XML глубже {MaxDepth} уровней — это не таблица мониторинга.";
                    if (++elements > MaxElementsPerPart)
                        return $"Файл отклонён: в части «{entry.FullName}» больше {Format.Number(MaxElementsPerPart)} элементов — это не таблица одного муниципалитета.";
                    if (isSharedStrings && reader.LocalName == "r" && ++runs > MaxSharedStringRuns)
                        return $"Файл отклонён: в общих текстах книги больше {Format.Number(MaxSharedStringRuns)} фрагментов форматирования — это не таблица мониторинга.";
                    if (isWorkbook && reader.LocalName == "sheet" && ++sheets > MaxSheets)
                        return $"Файл отклонён: в книге больше {MaxSheets} листов — в шаблоне мониторинга их два.";
                }
            }
            catch (XmlException e) when (e.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal))
            {
                // The reader names the limit it hit; the user is told what is too big rather than that the file is broken.
                return $"Файл отклонён: часть «{entry.FullName}» длиннее {maxCharactersPerPart / 1_000_000} млн символов — это не таблица одного муниципалитета.";
            }
            catch (XmlException)
            {
                return SpreadsheetReader.CorruptXlsx + ".";
            }
        }
        return null;
    }
}
