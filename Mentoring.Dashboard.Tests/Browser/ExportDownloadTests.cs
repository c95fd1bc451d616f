using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

[Collection(DashboardAppCollection.Name)]
public class ExportDownloadTests(DashboardApp app)
{
    [Fact]
    public async Task Official_DownloadsTheMunicipalityTable_AndGetsTheRankingOnScreen()
    {
        var page = await app.SignInAsync("minobr@demo.local"); // starts on their region
        var firstRow = page.Locator(".municipality-table tbody tr").First;
        // Ranked by share, not by count: 30 of город Армавир's 33 schools (first by name of those at 90,9 %), not город Краснодар's 76.
        await Expect(firstRow).ToContainTextAsync("город Армавир");
        await Expect(firstRow).ToContainTextAsync("90,9\u00A0%");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("[aria-label='Скачать: таблица муниципалитетов'] a[data-format=csv]").ClickAsync());
        var path = await download.PathAsync();
        var (sheets, refusal) = SpreadsheetReader.Read(await File.ReadAllBytesAsync(path!), download.SuggestedFilename);

        Assert.Null(refusal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var rows = sheets[0].Rows;
        Assert.Equal("Муниципалитет", rows[0][0]);
        Assert.Equal(await page.Locator(".municipality-table thead th").Nth(3).InnerTextAsync(), rows[0][3]);
        // The file's first row is the table's first row, figure for figure.
        Assert.Equal("город Армавир", rows[1][0]);
        Assert.Equal("90,9\u00A0% (демо)", rows[1][3]);
        Assert.Contains(OriginMarks.Unmarked(rows[1][3]!), await firstRow.InnerTextAsync());
        Assert.Equal(await page.Locator(".municipality-table tbody tr").CountAsync(), rows.Count - 1);
        await DashboardApp.ScreenshotAsync(page, "65-region-downloads");
    }

    [Fact]
    public async Task Curator_DownloadsTheirSchoolsFigures_AsXlsx()
    {
        var page = await app.SignInAsync("curator@demo.local");
        await page.GotoAsync($"{app.BaseUrl}/organisations/{await app.OrganisationIdAsync("СШ № 50")}");
        await DashboardApp.WaitForInteractiveAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".export-links a[data-format=xlsx]").ClickAsync());
        var (sheets, refusal) = SpreadsheetReader.Read(await File.ReadAllBytesAsync((await download.PathAsync())!), download.SuggestedFilename);

        Assert.Null(refusal);
        Assert.StartsWith("Показатели-СШ-50", download.SuggestedFilename, StringComparison.Ordinal);
        var rows = sheets[0].Rows;
        Assert.Equal(new[] { "Группа показателей", "Показатель", "Значение", "По муниципалитету (ОУ)", "Примечание" }, rows[0].Select(c => c ?? ""));
        var shown = page.Locator(".organisation-sections li[data-indicator]");
        Assert.Equal(await shown.CountAsync(), rows.Count - 1);
        // Each line of the page, as the file has it: the school's value, the municipality's, and the demo mark.
        var satisfaction = rows.Single(r => r[1]!.StartsWith("Удовлетворённость педагогических", StringComparison.Ordinal));
        // Each cell says its own origin: the school's generated value and the municipality's sum of generated values.
        Assert.Equal(new[] { "92,9\u00A0% (13 из 14) (демо)", "85,2\u00A0% (демо)", "" }, satisfaction[2..].Select(c => c ?? ""));
        Assert.Equal(await shown.Locator(".demo-badge").CountAsync(), rows.Count(r => OriginMarks.IsGenerated(r[2])));
        await DashboardApp.ScreenshotAsync(page, "66-organisation-download");
    }
}
