using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

/// <summary>
/// Each demo role signs in, lands on its own start page, follows its main path without meeting «Нет доступа», and
/// sees its own territory and nothing else, in a real browser.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public class RoleTests(DashboardApp app)
{
    [Fact]
    public async Task RegionalOfficial_SeesOnlyTheirRegion_AndItsSchoolsInDetail()
    {
        var page = await app.SignInAsync("minobr@demo.local");
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                cspViolations.Add(message.Text);
        };

        // Start page: their region.
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("krasnodar")}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Краснодарский край");
        await Expect(page.Locator(".app-menu a", new() { HasText = "Мой регион" })).ToHaveCountAsync(1);
        // The first question, answered first: where the region stands against its plan (Krasnodar's plan: 100 % for 2022
        // against the 78,24 % of August 2022, and one round only, so no trend yet), and who lags most.
        await Expect(page.Locator("#target-outlook [data-testid=target-summary]")).ToHaveTextAsync(
            "План года выполнен по 0 из 1 показателя. Движение к цели пока не оценить: для оценки нужны данные хотя бы двух мониторингов.");
        await Expect(page.Locator("#target-outlook .lagging-list li")).ToHaveCountAsync(5);
        await DashboardApp.ScreenshotAsync(page, "24-start-official");
        // The next visit says what changed since this one.
        await Expect(page.Locator("[data-visit-recorded=true]")).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await Expect(page.Locator(".changes-panel h2")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^Что изменилось с вашего прошлого посещения \(\d\d\.\d\d\.\d{4} \d\d:\d\d\)(: ничего)?$"));
        await DashboardApp.ScreenshotAsync(page, "24-official-changes-since-visit");
        await Expect(page.Locator(".municipality-table .municipality-link")).ToHaveCountAsync(44);
        // Picking another indicator re-renders through the live circuit: scripts and the socket work under the CSP.
        await DashboardApp.ChooseAsync(page, "Показатель", "«Ученик-ученик»");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("indicator=FORM_SS"));
        await page.Locator(".municipality-link", new() { HasText = "город Армавир" }).ClickAsync();
        await Expect(page.Locator(".organisation-table .organisation-link").First).ToBeVisibleAsync();
        Assert.Empty(cspViolations);
    }

    [Fact]
    public async Task MunicipalHead_TypingAnotherMunicipalitysSchoolUrl_GetsNoData()
    {
        var page = await app.SignInAsync("anapa@demo.local");
        // Start page: their municipality, its schools listed.
        var anapa = await app.MunicipalityIdAsync("город-курорт Анапа");
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/municipalities/{anapa}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("город-курорт Анапа");
        await Expect(page.Locator(".app-menu a", new() { HasText = "Мой муниципалитет" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".organisation-link", new() { HasText = "МАОУ «КШ»" })).ToBeVisibleAsync();
        // Its place among the region's municipalities by share, and its gap to the region, on each card.
        var card = page.Locator(".kpi-card[data-indicator=FORM_TT]");
        await Expect(card.Locator(".kpi-value")).ToHaveTextAsync("75\u00A0%");
        await Expect(card.Locator(".kpi-detail")).ToHaveTextAsync("24 из 32 ОО");
        await Expect(card.Locator(".kpi-comparison")).ToHaveTextAsync("по региону: 85\u00A0% (\u221210\u00A0п.п.)");
        await Expect(card.Locator(".kpi-rank")).ToHaveTextAsync("место 40 из 44 по доле");
        await DashboardApp.ScreenshotAsync(page, "25-start-head");
        // «Что изменилось» on their own start page too, from their second visit (VisitChangesTests: what it lists).
        await Expect(page.Locator("[data-visit-recorded=true]")).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await Expect(page.Locator(".changes-panel h2")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^Что изменилось с вашего прошлого посещения \(\d\d\.\d\d\.\d{4} \d\d:\d\d\)(: ничего)?$"));
        var otherSchool = await app.ScalarAsync(
            "SELECT o.Id FROM Organisations o JOIN Municipalities m ON m.Id = o.MunicipalityId WHERE m.Name = 'город Сочи' LIMIT 1");
        var otherSchoolName = "Школа № 1 (демо)";

        await page.GotoAsync($"{app.BaseUrl}/organisations/{otherSchool}");
        await DashboardApp.WaitForInteractiveAsync(page);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Нет доступа");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(otherSchoolName);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("город Сочи");
        await DashboardApp.ScreenshotAsync(page, "20-head-other-school-denied");

        // Among the region's municipalities their own row stands out.
        await page.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("krasnodar")}");
        await Expect(page.Locator(".municipality-table tr.own-row")).ToHaveCountAsync(1);
        await Expect(page.Locator(".municipality-table tr.own-row")).ToContainTextAsync("город-курорт Анапа");
        await DashboardApp.ScreenshotAsync(page, "27-head-region-own-row");

        // Back to their own municipality from the menu.
        await page.ClickAsync(".app-menu a:has-text('Мой муниципалитет')");
        await Expect(page.Locator(".organisation-link", new() { HasText = "МАОУ «КШ»" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Curator_SeesTheirSchool_AndTheAggregatesAboveIt_ButNoOtherSchool()
    {
        var page = await app.SignInAsync("curator@demo.local");
        // Start page: their school.
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/organisations/{await app.OrganisationIdAsync("СШ № 50")}");
        await Expect(page.Locator("h1")).ToContainTextAsync("СШ № 50");
        await Expect(page.Locator(".app-menu a", new() { HasText = "Моя организация" })).ToHaveCountAsync(1);
        // Its place among the city's schools (PeerStandingsTests checks the places against the schools' figures).
        await Expect(page.Locator("#peer-standing h2")).ToHaveTextAsync("Место среди ОУ муниципалитета (город Красноярск, 111 организаций)");
        await Expect(page.Locator("#peer-standing li").First).ToContainTextAsync("Выполненные условия (ответы «да»): 1 из 13 — место");
        await DashboardApp.ScreenshotAsync(page, "26-start-curator");
        // What the latest closed round recommends to it by name: Appendix 1 names СШ № 50 under every missing document.
        var recommendations = page.Locator("[data-testid=organisation-recommendations] li");
        await Expect(recommendations.First).ToContainTextAsync("Оформить на официальном сайте раздел «Наставничество»");
        await Expect(recommendations.Filter(new() { HasText = "Нормативно-правовое" })).ToHaveCountAsync(7);

        // Its main path: the open form of the demo round, filled in and sent; the school's history then holds both rounds.
        await page.ClickAsync("a:has-text('заполнить данные своей организации')");
        await DashboardApp.WaitForInteractiveAsync(page);
        await DashboardApp.FillReportFormAsync(page, young: 10, youngWithMentor: 7);
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#report-state")).ToHaveTextAsync("✓ сдано", new() { Timeout = 20_000 });
        await page.ClickAsync(".app-menu a:has-text('Моя организация')");
        var history = page.Locator(".history-table");
        await Expect(history.Locator("thead")).ToContainTextAsync("15.05.2023");
        await Expect(history.Locator("thead")).ToContainTextAsync("01.12.2026 (идёт сбор)");
        await Expect(history.Locator("tr[data-history=TCH_YOUNG_MENTEES]")).ToContainTextAsync("70 % (7 из 10)");
        await DashboardApp.ScreenshotAsync(page, "26-curator-history");

        // The monitoring list leads to the school's own form, never to a region's progress they may not see.
        await page.ClickAsync(".app-menu a:has-text('Мониторинги')");
        var links = page.Locator(".campaigns-table tbody a");
        await Expect(links.First).ToBeVisibleAsync();
        foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            await page.GotoAsync($"{app.BaseUrl}/{href}");
            await Expect(page.Locator("h1")).Not.ToHaveTextAsync("Нет доступа");
            await Expect(page.Locator("h1")).ToContainTextAsync("СШ № 50");
        }

        await page.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("krasnoyarsk")}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Красноярский край");
        // Region aggregates, without the table of municipalities.
        await Expect(page.Locator(".kpi-card").First).ToBeVisibleAsync();
        await Expect(page.Locator(".municipality-table")).ToHaveCountAsync(0);

        await page.GotoAsync($"{app.BaseUrl}/organisations/{await app.OrganisationIdAsync("СШ № 50")}");
        await Expect(page.Locator("h1")).ToContainTextAsync("СШ № 50");
        await page.Locator(".breadcrumbs a", new() { HasText = "город Красноярск" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("город Красноярск");
        await Expect(page.Locator(".organisation-link")).ToHaveCountAsync(0);
        await DashboardApp.ScreenshotAsync(page, "21-curator-municipality-aggregates");
    }

    [Fact]
    public async Task Presenter_SeesTheirRegion_AndCannotOpenAdministration()
    {
        var page = await app.SignInAsync("presenter@demo.local");
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("krasnodar")}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Краснодарский край");
        await Expect(page.Locator(".app-menu a", new() { HasText = "Презентации" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".app-menu a", new() { HasText = "Пользователи" })).ToHaveCountAsync(0);

        await page.GotoAsync($"{app.BaseUrl}/admin/users");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Нет доступа");
    }

    [Fact]
    public async Task Administrator_CreatesACurator_WhoSignsInToTheirSchool_AndTheAuditLogShowsIt()
    {
        var admin = await app.SignInAsync("admin@demo.local");
        // Start page: all regions, with the data entry under way.
        await Expect(admin.Locator(".region-card")).ToHaveCountAsync(5);
        await Expect(admin.Locator(".app-menu a", new() { HasText = "Регионы" })).ToHaveCountAsync(1);
        await admin.ClickAsync(".app-menu a:has-text('Пользователи')");
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Пользователи");
        await DashboardApp.WaitForInteractiveAsync(admin);

        // A curator without an organisation is refused with a Russian message and nothing is saved.
        await admin.FillAsync("#user-email", "new.curator@demo.local");
        await admin.FillAsync("#user-name", "Новый куратор");
        await admin.SelectOptionAsync("#user-role", "Curator");
        await admin.FillAsync("#user-password", "Kurator-2026!");
        await admin.ClickAsync("form.admin-form button[type=submit]");
        await Expect(admin.Locator(".form-error")).ToContainTextAsync("Для куратора выберите образовательную организацию.");
        await Expect(admin.Locator(".users-table")).Not.ToContainTextAsync("new.curator@demo.local");

        await admin.SelectOptionAsync("#user-region", new SelectOptionValue { Label = "Красноярский край" });
        await admin.SelectOptionAsync("#user-municipality", new SelectOptionValue { Label = "город Красноярск" });
        await admin.SelectOptionAsync("#user-organisation", new SelectOptionValue { Label = "СШ № 32" });
        await admin.ClickAsync("form.admin-form button[type=submit]");
        await Expect(admin.Locator(".form-success")).ToContainTextAsync("Пользователь new.curator@demo.local создан.");
        await Expect(admin.Locator(".users-table")).ToContainTextAsync("СШ № 32, город Красноярск");
        await DashboardApp.ScreenshotAsync(admin, "22-admin-users");

        var curator = await app.SignInAsync("new.curator@demo.local", "Kurator-2026!");
        await Expect(curator).ToHaveURLAsync($"{app.BaseUrl}/organisations/{await app.OrganisationIdAsync("СШ № 32")}");
        await Expect(curator.Locator("h1")).ToContainTextAsync("СШ № 32");
        await curator.GotoAsync($"{app.BaseUrl}/organisations/{await app.OrganisationIdAsync("СШ № 50")}");
        await Expect(curator.Locator("h1")).ToHaveTextAsync("Нет доступа");
        // The prerendered page shows «Нет доступа» before the circuit starts: a click on «Выйти» then can fall between
        // the two (it did once in a full run, the page staying where it was).
        await DashboardApp.WaitForInteractiveAsync(curator);
        // Signing out goes through the real form with its antiforgery token, and takes the browser's unsaved copies
        // of forms with it (here one left as a killed instance would leave it).
        await curator.EvaluateAsync("localStorage.setItem('mentoring-unsaved:user:1:2', '{\"tch_young_mentees-whole\":\"12\"}')");
        await curator.ClickAsync("button:has-text('Выйти')");
        await Expect(curator).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        Assert.Equal(0, await curator.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('mentoring-unsaved:')).length"));

        await admin.GotoAsync($"{app.BaseUrl}/admin/audit");
        await Expect(admin.Locator(".audit-table")).ToContainTextAsync("Создан пользователь");
        await Expect(admin.Locator(".audit-table")).ToContainTextAsync("new.curator@demo.local");
        await Expect(admin.Locator(".audit-table")).ToContainTextAsync("Выход");
        await DashboardApp.ScreenshotAsync(admin, "23-admin-audit");
    }

    [Fact]
    public async Task Times_AreShownInTheUsersOwnTimeZone()
    {
        // An administrator in Krasnoyarsk (UTC+7) reads their own sign-in in the audit log; the server runs in UTC.
        var page = await app.SignInAsync("admin@demo.local", timeZone: "Asia/Krasnoyarsk");
        var signedIn = DateTime.UtcNow.AddHours(7);
        await page.GotoAsync($"{app.BaseUrl}/admin/audit");
        var firstRow = page.Locator(".audit-table tbody tr").First;
        await Expect(firstRow).ToContainTextAsync("admin@demo.local");

        var shown = DateTime.ParseExact((await firstRow.Locator("td").First.InnerTextAsync()).Trim(), "dd.MM.yyyy HH:mm:ss",
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((shown - signedIn).TotalMinutes, -2, 2);
    }
}
