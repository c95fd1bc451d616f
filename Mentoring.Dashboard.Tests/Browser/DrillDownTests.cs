using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

[Collection(DashboardAppCollection.Name)]
public class DrillDownTests(DashboardApp app)
{
    [Fact]
    public async Task Official_DrillsDown_FromRegion_ToMunicipality_ToSchool_AndBackButtonReturns()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Регионы");
        await Expect(page.Locator(".region-card")).ToHaveCountAsync(5);
        await DashboardApp.ScreenshotAsync(page, "01-regions");

        await page.ClickAsync(".region-card[data-region=krasnodar]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Краснодарский край");
        await Expect(page.Locator(".kpi-card").First).ToBeVisibleAsync();
        // The published totals row: 970 schools implement «учитель-учитель», read against the schools in the register.
        var teacherTeacher = page.Locator(".indicator-table tr[data-indicator=FORM_TT]");
        await Expect(teacherTeacher).ToContainTextAsync("970 из 1\u00A0141 ОО");
        await Expect(teacherTeacher).ToContainTextAsync("85\u00A0%");
        await Expect(teacherTeacher).ToContainTextAsync("110 из 146 ОО");
        // The key-figure card: the share of all organisations, with its counts and a demo-register note.
        var card = page.Locator(".kpi-card[data-indicator=FORM_TT]");
        await Expect(card.Locator(".kpi-value")).ToHaveTextAsync("78,2\u00A0%");
        await Expect(card.Locator(".kpi-detail")).ToHaveTextAsync("1\u00A0007 из 1\u00A0287 ОО (всего — демо-реестр)");
        await Expect(page.Locator(".municipality-table .municipality-link")).ToHaveCountAsync(44);
        await DashboardApp.ScreenshotAsync(page, "02-region-krasnodar");
        var regionUrl = page.Url;

        await page.Locator(".municipality-table .municipality-link", new() { HasText = "город-курорт Анапа" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("город-курорт Анапа");
        await Expect(page.Locator(".breadcrumbs")).ToContainTextAsync("Краснодарский край");
        await Expect(page.Locator(".indicator-table tr[data-indicator=FORM_TT]")).ToContainTextAsync("24 из 32 ОО");
        await Expect(page.Locator(".organisation-table .organisation-link", new() { HasText = "МБОУ гимназия «Аврора» им. И.И. Ладутько" })).ToBeVisibleAsync();
        // Anapa's schools are named in the report, their ✓/✗ are generated: each value carries the demo mark.
        var aurora = page.Locator(".organisation-table tr", new() { HasText = "МБОУ гимназия «Аврора» им. И.И. Ладутько" });
        await Expect(aurora.Locator(".demo-badge")).ToHaveCountAsync(0);
        await Expect(aurora.Locator(".demo-mark")).ToHaveCountAsync(5); // the five forms of the table
        await Expect(page.Locator("[data-testid=demo-footnote]")).ToContainTextAsync("* значение по демонстрационным (сгенерированным) данным");
        await DashboardApp.ScreenshotAsync(page, "03-municipality-anapa");

        await page.Locator(".organisation-link", new() { HasText = "МБОУ гимназия «Аврора» им. И.И. Ладутько" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("МБОУ гимназия «Аврора» им. И.И. Ладутько");
        await Expect(page.Locator(".breadcrumbs li")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-group=Forms]")).ToContainTextAsync("Реализуется форма наставничества «учитель-учитель»");
        await DashboardApp.ScreenshotAsync(page, "04-organisation-anapa");

        await page.GoBackAsync();
        await page.GoBackAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Краснодарский край");
        Assert.Equal(regionUrl, page.Url);
    }

    [Fact]
    public async Task Krasnoyarsk_ShowsYoungTeachersShare_AndTheNamedSchoolsMissingDocuments()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.ClickAsync(".region-card[data-region=krasnoyarsk]");
        await page.Locator(".municipality-link", new() { HasText = "город Красноярск" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("город Красноярск");

        var youngTeachers = page.Locator(".indicator-table tr[data-indicator=TCH_YOUNG_MENTEES]");
        // As the report prints it («их них 80 %»), with what the counts give beside it.
        await Expect(youngTeachers).ToContainTextAsync("80\u00A0%");
        await Expect(youngTeachers).ToContainTextAsync("701 из 878 (расчёт: 79,8\u00A0%)");
        await DashboardApp.ScreenshotAsync(page, "05-municipality-krasnoyarsk");

        await page.Locator(".organisation-table input").First.FillAsync("СШ № 50");
        await page.Locator(".organisation-table input").First.PressAsync("Enter");
        await page.Locator(".organisation-link", new() { HasText = "СШ № 50" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("СШ № 50");
        var regulation = page.Locator("[data-indicator=DOC_REGULATION]");
        await Expect(regulation).ToContainTextAsync("нет");
        await Expect(page.Locator("[data-indicator=FORM_TS]")).ToContainTextAsync("нет");
        await DashboardApp.ScreenshotAsync(page, "06-organisation-krasnoyarsk-50");
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndAWrongPasswordIsRefusedInRussian()
    {
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/regions/1");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.FillAsync("#email", "admin@demo.local");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator(".form-error")).ToHaveTextAsync(Mentoring.Dashboard.Components.Account.Login.FailedSignIn);
        await DashboardApp.ScreenshotAsync(page, "00-sign-in-error");
    }
}
