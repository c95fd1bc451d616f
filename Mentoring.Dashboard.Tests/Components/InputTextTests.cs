using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Export;

namespace Mentoring.Dashboard.Tests.Components;

/// <summary>Text is cleaned where it enters, and once more on its way into a file, so no export fails on it.</summary>
public class InputTextTests
{
    [Theory]
    [InlineData("Мониторинг\u000Bосень\t2026\r\n", "Мониторинг осень 2026")] // Word's Shift+Enter, a tab, a line break
    [InlineData("  Иванова \u0000 Анна\u0085 ", "Иванова Анна")]
    public void ATitleOrName_IsOneCleanLine(string typed, string saved) => Assert.Equal(saved, InputText.Line(typed));

    [Fact]
    public void HalfACharacter_IsDropped_AndAWholeOneKept() =>
        // Built in code: an attribute cannot carry a lone surrogate.
        Assert.Equal("Смайл 😀 и половина", InputText.Line("Смайл 😀 и " + (char)0xD800 + " половина"));

    [Fact]
    public void Notes_KeepTheirLineBreaks_AndLoseOtherControlCharacters() =>
        Assert.Equal("Сказать о росте\nна 22,5 п.п.", InputText.Lines("Сказать\u000Bо росте\r\nна 22,5 п.п.\u0007"));

    [Fact]
    public void ADownload_WithAControlCharacterSavedBeforeTheCleaning_IsStillAValidWorkbook()
    {
        var bytes = XlsxTableWriter.Write([new ExportTable("Мониторинг\u000Bосень", ["Название"], [["Мониторинг\u000Bосень"]])]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Equal("Мониторинг осень", document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Last().Text);
    }
}
