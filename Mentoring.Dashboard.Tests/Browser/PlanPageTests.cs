using Mentoring.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

[Collection(DashboardAppCollection.Name)]
public class PlanPageTests(DashboardApp app)
{
    [Fact]
    public async Task TomskPlanView_ShowsPlanOfTheYear_AndTheProgressStatus()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.ClickAsync(".region-card[data-region=tomsk]");
        await page.ClickAsync(".page-links a:text-is('План и факт')");

        // The target year comes from Tomsk's plan values (they run to 2024), not from the page's text.
        await Expect(page.Locator("h1")).ToHaveTextAsync("План и факт до 2024 года");
        var first = page.Locator(".plan-table tr[data-indicator=TP_STU_5_11]");
        await Expect(first).ToContainTextAsync("51,56\u00A0%");
        await Expect(first).ToContainTextAsync("выполнен");
        await Expect(first.Locator("[data-testid=fulfilment]")).ToHaveTextAsync("103,1\u00A0%");
        // The status agrees with the forecast beside it: 61,8 % in 2024, 8,2 п.п. short of the target.
        await Expect(first.Locator(".status")).ToContainTextAsync("Прогресс есть, нужно ускорение");
        await Expect(first).ToContainTextAsync("не хватит 8,2\u00A0п.п.");
        var second = page.Locator(".plan-table tr[data-indicator=TP_STU_DOP]");
        await Expect(second).ToContainTextAsync("38,44\u00A0% на 01.06.2023");
        await Expect(second.Locator(".fact")).ToHaveTextAsync("✗ не выполнен");
        await Expect(page.Locator(".plan-chart")).ToHaveCountAsync(7);
        await DashboardApp.ScreenshotAsync(page, "30-plan-tomsk");
    }
}
