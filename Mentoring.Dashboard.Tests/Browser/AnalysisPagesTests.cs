using System.Net;
using Mentoring.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

/// <summary>The analytical pages as an official uses them: conclusions, recommendations, dynamics, data quality.</summary>
[Collection(DashboardAppCollection.Name)]
public class AnalysisPagesTests(DashboardApp app)
{
    [Fact]
    public async Task TomskReport_StatesWhichIndicatorIsBehindPlan_WithItsFigures()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("tomsk")}");
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("a:has-text('Выводы и рекомендации')");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Выводы и адресные рекомендации");
        var behind = page.Locator(".conclusions li", new() { HasTextString = "Отстают от плана" });
        await Expect(behind).ToContainTextAsync("«Обучающиеся доп. образования в наставничестве» – 38,44\u00A0% при плане 50\u00A0% на 2023 г.");
        await behind.Locator("summary").ClickAsync();
        await Expect(behind.Locator(".evidence table")).ToContainTextAsync("38,44\u00A0%");
        await DashboardApp.ScreenshotAsync(page, "40-report-tomsk");
    }

    [Fact]
    public async Task KrasnoyarskReport_ListsTheNineSchoolsWithoutAnOrderOnPairs_AndExportsThem()
    {
        var page = await app.SignInAsync("admin@demo.local");
        var city = await app.MunicipalityIdAsync("город Красноярск");
        await page.GotoAsync($"{app.BaseUrl}/municipalities/{city}");
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("a:has-text('Выводы и рекомендации')");

        var pairs = page.Locator(".recommendations tr[data-indicator=DOC_ORDER_PAIRS]");
        await Expect(pairs).ToContainTextAsync("10 организаций из 127");
        await Expect(pairs).ToContainTextAsync("Гимназия № 10, СШ № 32, СШ № 42, СШ № 50, СШ № 56, СШ № 62, СШ № 89, СШ № 95, СШ № 135, ДО ЦДО «Спектр»");
        await DashboardApp.ScreenshotAsync(page, "41-report-krasnoyarsk");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Скачать .csv')"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("Издать приказ(ы) о закреплении наставнических пар/групп", csv);
        Assert.Contains("СШ № 135", csv);
    }

    [Fact]
    public async Task RecommendationsExport_OutsideTheScope_IsRefusedWithoutData()
    {
        var client = await app.SignedInClientAsync("anapa@demo.local");
        var city = await app.MunicipalityIdAsync("город Красноярск");
        var campaign = await app.ScalarAsync("SELECT Id FROM Campaigns WHERE RegionId = (SELECT RegionId FROM Municipalities WHERE Id = $m) ORDER BY AsOf DESC LIMIT 1", ("$m", city));

        var response = await client.GetAsync($"/export/recommendations?municipality={city}&campaign={campaign}&format=csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("СШ № 50", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task KuzbassDynamics_ShowsTheFall_AndTheGrowthList()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("kuzbass")}");
        // A click before the circuit starts can be undone by the interactive router taking over the old URL.
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("a:has-text('Динамика')");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Динамика между мониторингами");
        var mentees = page.Locator(".dynamics-table tr[data-indicator=STU_MENTEES]").First;
        await Expect(mentees).ToContainTextAsync("9,1\u00A0%");
        await Expect(mentees).ToContainTextAsync("6,2\u00A0%");
        await Expect(mentees).ToContainTextAsync("\u22122,9\u00A0п.п.");
        await Expect(page.Locator(".dynamics-list--increase").First).ToContainTextAsync("Увеличение по сравнению с 2021 г.");
        await Expect(page.Locator(".dynamics-lists")).ToContainTextAsync(["Таштагольский МР (27\u00A0% → 43\u00A0%)"]);
        await DashboardApp.ScreenshotAsync(page, "42-dynamics-kuzbass");
    }

    [Fact]
    public async Task KrasnoyarskQuality_ListsTheOctober2022TableThatAddsUpTo105Of111()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("krasnoyarsk")}");
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("a:has-text('Качество данных')");

        await Expect(page.Locator(".quality-table").First).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("По уровням учтено 105 (3 + 72 + 30), а организаций 111");
        await Expect(page.Locator("main")).ToContainTextAsync("Опубликовано 32\u00A0%, а 30 из 111 организаций — это 27\u00A0%");
        await DashboardApp.ScreenshotAsync(page, "43-quality-krasnoyarsk");
    }
}

[Collection(DashboardAppCollection.Name)]
public class PlanAdministrationPageTests(DashboardApp app)
{
    [Fact]
    public async Task Administrator_AddsAPlanValue_AfterBeingToldAShareCannotExceed100()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.ClickAsync(".app-menu a:has-text('Планы')");
        await page.SelectOptionAsync("#plan-region", new[] { (await app.RegionIdAsync("kuzbass")).ToString() });
        await Expect(page.Locator("#plan-indicator")).ToBeVisibleAsync();
        await DashboardApp.WaitForInteractiveAsync(page);

        await page.SelectOptionAsync("#plan-indicator", "STU_MENTEES");
        await page.SelectOptionAsync("#plan-kind", "School");
        // A year the field cannot read is refused with its message, not saved as the default year.
        await page.FillAsync("#plan-year", "2025.5");
        await page.FillAsync("#plan-target", "12");
        await page.ClickAsync("form.admin-form button[type=submit]");
        await Expect(page.Locator(".validation-message")).ToHaveTextAsync("Год — целое число, например 2024.");
        await Expect(page.Locator(".plans-admin-table")).ToHaveCountAsync(0);

        await page.FillAsync("#plan-year", "2024");
        await page.FillAsync("#plan-target", "120");
        await page.FillAsync("#plan-source", "Приказ Минобразования Кузбасса (демо)");
        await page.ClickAsync("form.admin-form button[type=submit]");
        await Expect(page.Locator(".form-error")).ToContainTextAsync("Плановое значение доли должно быть от 0 до 100 %.");
        await Expect(page.Locator(".plans-admin-table")).ToHaveCountAsync(0);

        await page.FillAsync("#plan-target", "12");
        await page.ClickAsync("form.admin-form button[type=submit]");
        await Expect(page.Locator(".form-success")).ToContainTextAsync("Плановое значение добавлено.");
        await Expect(page.Locator(".plans-admin-table tr[data-indicator=STU_MENTEES][data-year='2024']")).ToContainTextAsync("12\u00A0%");
        await DashboardApp.ScreenshotAsync(page, "44-admin-plans");
    }
}
