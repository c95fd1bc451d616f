using Mentoring.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

[Collection(DashboardAppCollection.Name)]
public class RegionPageTests(DashboardApp app)
{
    [Theory]
    [InlineData("kuzbass", "Кемеровская область — Кузбасс", "STU_MENTEES", "6,2\u00A0%")]
    [InlineData("tomsk", "Томская область", "TP_STU_5_11", "51,56\u00A0%")]
    [InlineData("belgorod", "Белгородская область", "DOC_REGULATION", "78 из 123 ОО")]
    [InlineData("krasnoyarsk", "Красноярский край", "TCH_YOUNG_MENTEES", "701 из 878")]
    [InlineData("krasnodar", "Краснодарский край", "FORM_SS", "433 из 1\u00A0141 ОО")]
    public async Task RegionPage_ShowsTheSeedsHeadlineFigure(string code, string name, string indicator, string expected)
    {
        var page = await app.SignInAsync("admin@demo.local");

        await page.ClickAsync($".region-card[data-region={code}]");

        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.Locator($".indicator-table tr[data-indicator={indicator}]")).ToContainTextAsync(expected);
        await DashboardApp.ScreenshotAsync(page, $"10-region-{code}");
    }

    [Fact]
    public async Task KeyFigures_ShowTheChangeSinceThePreviousRound_AsTheReportWordsIt()
    {
        // Kuzbass: «показатель уменьшился и составил 6,2 %, в 2021 г. – 9,1 %».
        var page = await app.SignInAsync("admin@demo.local");
        await page.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("kuzbass")}");

        var card = page.Locator(".kpi-card[data-indicator=STU_MENTEES]").First;
        await Expect(card.Locator(".kpi-value")).ToHaveTextAsync("6,2\u00A0%");
        await Expect(card.Locator("[data-testid=kpi-change]")).ToHaveTextAsync("▼ \u22122,9\u00A0п.п. к 2021 г.");
        await Expect(card.Locator("[data-testid=kpi-change]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("kpi-change--worse"));
        await DashboardApp.ScreenshotAsync(page, "11-region-kuzbass-changes");
    }
}
