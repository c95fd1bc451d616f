using Mentoring.Dashboard.Services.Export;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>CSV cells a spreadsheet would run as formulas are neutralised; the dashboard's own signed figures stay readable.</summary>
public class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\";\"Школа\")", "'=HYPERLINK(\"http://evil\";\"Школа\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("+8,4\u00A0п.п.", "+8,4\u00A0п.п.")]
    [InlineData("-3 ОО", "-3 ОО")]
    [InlineData("+1\u00A0467 чел.", "+1\u00A0467 чел.")]
    [InlineData("\u22122,9\u00A0п.п.", "\u22122,9\u00A0п.п.")]
    [InlineData("МБОУ «Школа № 1»", "МБОУ «Школа № 1»")]
    [InlineData("", "")]
    public void Cell_IsNeutralisedOnlyWhereItCouldRunAsAFormula(string text, string written) =>
        Assert.Equal(written, CsvTableWriter.Neutralise(text));

    [Fact]
    public void AWrittenFile_CarriesTheNeutralisedCell()
    {
        var bytes = CsvTableWriter.Write(new ExportTable("t", ["Организация", "Изменение"], [["=1+1", "+8,4\u00A0п.п."]]));

        Assert.Equal("Организация;Изменение\r\n'=1+1;+8,4\u00A0п.п.\r\n", System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
    }
}
