using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

/// <summary>
/// Data intake in Chromium, on an app of its own (these tests write): an administrator opens a campaign, a curator
/// submits the school's form, and the region page open in another browser moves without a reload.
/// </summary>
public class IntakeTests : IClassFixture<DashboardApp>
{
    private readonly DashboardApp app;

    public IntakeTests(DashboardApp app) => this.app = app;

    [Fact]
    public async Task ACuratorsSubmission_MovesTheFiguresOnAnOpenRegionPage_WithoutReload()
    {
        var campaign = await app.OpenCampaignAsync(new DateOnly(2026, 11, 1));
        var region = await app.RegionIdAsync("krasnoyarsk");

        // An official watching the region: the new campaign is the latest, nothing submitted yet.
        var watcher = await app.SignInAsync("admin@demo.local");
        await watcher.GotoAsync($"{app.BaseUrl}/regions/{region}?campaign={campaign}");
        await DashboardApp.WaitForInteractiveAsync(watcher);
        await Expect(watcher.Locator("[data-testid=submitted]")).ToHaveTextAsync("0");
        // What the round collects is on the page before anyone reports: its cards, every municipality (in the table and
        // the ranking), the group chart's columns and the table's rows, each «нет данных».
        var youngMentees = watcher.Locator(".kpi-card[data-indicator=TCH_YOUNG_MENTEES]");
        await Expect(youngMentees.Locator(".kpi-value")).ToHaveTextAsync("нет данных");
        await Expect(youngMentees.Locator(".kpi-detail")).ToHaveTextAsync("отчётов пока нет");
        var cardsBeforeReports = await watcher.Locator(".kpi-card").CountAsync();
        Assert.Equal(8, cardsBeforeReports);
        var cityRow = watcher.Locator("tr", new() { Has = watcher.Locator("a.municipality-link", new() { HasText = "город Красноярск" }) });
        await Expect(cityRow.Locator(".live-figure")).ToHaveTextAsync("нет данных");
        await Expect(watcher.Locator("figure.municipality-chart")).ToHaveCountAsync(1);
        await Expect(watcher.Locator("figure.group-chart")).ToHaveCountAsync(1);
        await Expect(watcher.Locator(".indicator-table tr[data-indicator=TCH_YOUNG_MENTEES] td").First).ToContainTextAsync("нет данныхотчётов пока нет");
        // Where each part of the page starts: the first report fills them in, it does not move them under the reader.
        const string headingTops = "() => [...document.querySelectorAll('main h2')].map(h => h.id + '@' + Math.round(h.getBoundingClientRect().top + window.scrollY)).join(' ')";
        var shapeBeforeReports = await watcher.EvaluateAsync<string>(headingTops);
        // The table has a column for each kind of organisation in the register, and the group chart a series, before any report.
        var tableColumns = watcher.Locator(".indicator-table thead th");
        await Expect(tableColumns).ToHaveTextAsync(["Показатель", "все ОО", "ОУ", "УДО"]);
        await Expect(watcher.Locator(".indicator-table tr[data-indicator=TCH_YOUNG_MENTEES] td").Nth(2)).ToContainTextAsync("нет данныхотчётов пока нет");
        await DashboardApp.ScreenshotAsync(watcher, "61-region-collecting-before-reports");
        await Expect(watcher.Locator(".live-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Данные загружены в \d\d:\d\d:\d\d$"));
        var bannerTop = () => watcher.Locator("#collection-banner").EvaluateAsync<double>("b => b.getBoundingClientRect().top + window.scrollY");
        var bannerTopBeforeReports = await bannerTop();
        var watcherUrl = watcher.Url;
        // The same administrator's start page, in another tab: its «Идёт сбор данных» panel is live too.
        var start = await watcher.Context.NewPageAsync();
        await start.GotoAsync(app.BaseUrl + "/");
        await DashboardApp.WaitForInteractiveAsync(start);
        var startCount = start.Locator($"li[data-campaign='{campaign}'] [data-testid=start-submitted]");
        await Expect(startCount).ToHaveTextAsync("0");
        // And the city's page says that its figures are still being collected, with the city's own count.
        var cityPage = await watcher.Context.NewPageAsync();
        await cityPage.GotoAsync($"{app.BaseUrl}/municipalities/{await app.MunicipalityIdAsync("город Красноярск")}?campaign={campaign}");
        await DashboardApp.WaitForInteractiveAsync(cityPage);
        await Expect(cityPage.Locator("#collection-banner")).ToContainTextAsync("Идёт сбор данных мониторинга: в муниципалитете сдали 0 из 127 организаций, заполняют 0.");
        // Its cards, its organisations' columns, the chart beside the region and the table are there before any report too.
        await Expect(cityPage.Locator(".kpi-card")).ToHaveCountAsync(8);
        await Expect(cityPage.Locator(".kpi-card[data-indicator=TCH_YOUNG_MENTEES] .kpi-value")).ToHaveTextAsync("нет данных");
        await Expect(cityPage.Locator("figure.comparison-chart")).ToHaveCountAsync(1);
        await Expect(cityPage.Locator(".indicator-table thead th")).ToHaveTextAsync(["Показатель", "все ОО", "ОУ", "УДО"]);
        var cityShapeBeforeReports = await cityPage.EvaluateAsync<string>(headingTops);
        await DashboardApp.ScreenshotAsync(cityPage, "61-municipality-collecting-before-reports");

        // The curator fills in the school's form from the start page.
        var curator = await app.SignInAsync("curator@demo.local");
        await curator.ClickAsync($"li[data-campaign='{campaign}'] a:has-text('заполнить данные своей организации')");
        await Expect(curator.Locator("h1")).ToHaveTextAsync("СШ № 50");
        await curator.Locator("#tch_young_mentees-part").WaitForAsync(); // the form, not the school's start page
        await DashboardApp.WaitForInteractiveAsync(curator);
        var carried = curator.Locator("#report-carried");
        await Expect(carried).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Значения перенесены из мониторинга на \d\d\.\d\d\.\d{4} — проверьте и обновите их перед отправкой\.\s*$"));
        var submitTop = () => curator.Locator("#report-submit").EvaluateAsync<double>("b => b.getBoundingClientRect().top + window.scrollY");
        var topBeforeTyping = await submitTop();
        var selects = curator.Locator(".report-field select");
        for (var i = 0; i < await selects.CountAsync(); i++)
            await selects.Nth(i).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var numbers = curator.Locator(".report-field input[type=number]");
        for (var i = 0; i < await numbers.CountAsync(); i++)
            await numbers.Nth(i).FillAsync("5");
        await curator.FillAsync("#tch_young_mentees-whole", "10");
        await curator.FillAsync("#tch_young_mentees-part", "12");
        await Expect(curator.Locator("[data-indicator=TCH_YOUNG_MENTEES] .field-error")).ToHaveTextAsync("не может быть больше, чем «Молодых педагогов (стаж 0–3 года)» (10)");
        await curator.FillAsync("#tch_young_mentees-part", "4");
        // What the curator sees before sending: the 4, no red field, and the draft that holds it saved (a draft of the
        // 12 that finished meanwhile does not say «сохранён», ReportFormModelTests).
        await Expect(curator.Locator("#tch_young_mentees-part")).ToHaveValueAsync("4");
        await Expect(curator.Locator(".field-error")).ToHaveCountAsync(0);
        await Expect(curator.Locator("#report-save-status")).ToContainTextAsync("Черновик сохранён");
        // The first draft does not take the note away: the form stays where the curator's pointer is.
        await Expect(carried).ToBeVisibleAsync();
        Assert.Equal(topBeforeTyping, await submitTop());
        await curator.ClickAsync("#report-submit");
        await Expect(curator.Locator("#report-message")).ToContainTextAsync("Данные отправлены", new() { Timeout = 20_000 });
        await Expect(curator.Locator("#report-state")).ToHaveTextAsync("✓ сдано");
        await DashboardApp.ScreenshotAsync(curator, "60-curator-form");

        // The watcher's page moved by itself: the count, the key figures, and a highlight on what changed.
        await Expect(watcher.Locator("[data-testid=submitted]")).ToHaveTextAsync("1", new() { Timeout = 5_000 });
        await Expect(watcher.Locator(".kpi-card").First).ToBeVisibleAsync();
        await Expect(watcher.Locator(".kpi-card[data-indicator=TCH_YOUNG_MENTEES] .kpi-value")).ToHaveTextAsync("40\u00A0%");
        await Expect(watcher.Locator(".live-changed").First).ToBeAttachedAsync();
        Assert.Equal(watcherUrl, watcher.Url);
        // The update changed the words of the status line, not the page above the figures.
        await Expect(watcher.Locator(".live-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Данные обновлены в \d\d:\d\d:\d\d$"));
        Assert.Equal(bannerTopBeforeReports, await bannerTop());
        await Expect(watcher.Locator(".kpi-card")).ToHaveCountAsync(cardsBeforeReports);
        Assert.Equal(shapeBeforeReports, await watcher.EvaluateAsync<string>(headingTops));
        await Expect(tableColumns).ToHaveTextAsync(["Показатель", "все ОО", "ОУ", "УДО"]);
        await Expect(watcher.Locator(".indicator-table tr[data-indicator=TCH_YOUNG_MENTEES] td").Nth(1)).ToContainTextAsync("40\u00A0%4 из 10");
        await Expect(watcher.Locator(".indicator-table tr[data-indicator=TCH_YOUNG_MENTEES] td").Nth(2)).ToContainTextAsync("нет данныхотчётов пока нет");
        // The group chart, below the screen, came with the page (its columns «нет данных»); the report's values reach it
        // when it comes near the screen, not in every open dashboard at the moment of the report.
        var groupChart = watcher.Locator("figure.group-chart .chart-canvas");
        Assert.True(await groupChart.EvaluateAsync<bool>("c => c.getBoundingClientRect().top > window.innerHeight + 200"));
        await Expect(groupChart).ToHaveAttributeAsync("data-rendered", "true");
        const string valueLabels = "c => [...c.querySelectorAll('.apexcharts-datalabel')].filter(l => l.textContent.trim() !== '').length";
        await watcher.WaitForTimeoutAsync(1_000); // what drawing it at once would take, and more
        Assert.Equal(0, await groupChart.EvaluateAsync<int>(valueLabels));
        await groupChart.ScrollIntoViewIfNeededAsync();
        await Expect(groupChart.Locator(".apexcharts-datalabel").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^100\s%\s†$")); // partial: the round is still being collected
        await watcher.EvaluateAsync("() => window.scrollTo(0, 0)");
        await DashboardApp.ScreenshotAsync(watcher, "61-region-live-update");
        await Expect(startCount).ToHaveTextAsync("1", new() { Timeout = 5_000 });
        await Expect(cityPage.Locator("#collection-banner [data-testid=submitted]")).ToHaveTextAsync("1", new() { Timeout = 5_000 });
        await Expect(cityPage.Locator(".kpi-card[data-indicator=TCH_YOUNG_MENTEES] .kpi-value")).ToHaveTextAsync("40\u00A0%");
        await Expect(cityPage.Locator(".kpi-card")).ToHaveCountAsync(8);
        Assert.Equal(cityShapeBeforeReports, await cityPage.EvaluateAsync<string>(headingTops));
        await DashboardApp.ScreenshotAsync(cityPage, "61-municipality-collecting");
        var cityUrl = cityPage.Url;

        // Coming back, the watcher reads it first in «Что изменилось»: the report, then the biggest figure changes.
        await watcher.ReloadAsync();
        await DashboardApp.WaitForInteractiveAsync(watcher);
        var summary = watcher.Locator("[data-testid=changes-summary] li");
        await Expect(summary.First).ToHaveTextAsync("Поступили отчёты: 1");
        // The round's first report: its figures appeared (no change to measure yet), counted rather than listed at random.
        await DashboardApp.ScreenshotAsync(watcher, "66-changes-since-visit");
        await Expect(summary).ToHaveCountAsync(2);
        await Expect(summary.Nth(1)).ToContainTextAsync("Появились или исчезли значения:");
        await Expect(watcher.Locator("[data-testid=figure-changes] li").First).ToBeAttachedAsync(); // all of them, folded
        await DashboardApp.ScreenshotAsync(watcher, "66-changes-since-visit");

        // Last, since a visit by the same user resets «Что изменилось»: both pages of the round on a phone, each in a page
        // of its own. The table's kind columns scroll inside it; the page does not scroll sideways.
        var phone = await app.SignInAsync("admin@demo.local", width: 390, height: 844);
        foreach (var (url, name) in new[] { (watcherUrl, "61-region-collecting-phone"), (cityUrl, "61-municipality-collecting-phone") })
        {
            await phone.GotoAsync(url);
            await DashboardApp.WaitForInteractiveAsync(phone);
            await Expect(phone.Locator(".kpi-card[data-indicator=TCH_YOUNG_MENTEES] .kpi-value")).ToHaveTextAsync("40\u00A0%");
            await Expect(phone.Locator(".indicator-table thead th")).ToHaveTextAsync(["Показатель", "все ОО", "ОУ", "УДО"]);
            await DashboardApp.ScreenshotAsync(phone, name);
            Assert.Empty(await DashboardApp.SidewaysOverflowAsync(phone));
            // The table as a phone shows it, one screen (the whole page is too tall to read in the shot above).
            await phone.Locator("#all-heading").ScrollIntoViewIfNeededAsync();
            await phone.ScreenshotAsync(new() { Path = Path.Combine(DashboardApp.ScreenshotFolder, name + "-table.png") });
        }
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task AQuickSwitchBetweenTwoForms_LosesNoValue_AndNeverTurnsASubmittedReportBackIntoADraft()
    {
        var campaign = await app.OpenCampaignAsync(new DateOnly(2026, 9, 14));
        var (school50, school32) = (await app.OrganisationIdAsync("СШ № 50"), await app.OrganisationIdAsync("СШ № 32"));
        var admin = await app.SignInAsync("admin@demo.local");

        // СШ № 32 has sent its report.
        await admin.GotoAsync($"{app.BaseUrl}/campaigns/{campaign}/organisations/{school32}");
        await admin.Locator("#tch_young_mentees-part").WaitForAsync();
        await DashboardApp.WaitForInteractiveAsync(admin);
        await DashboardApp.FillReportFormAsync(admin, young: 10, youngWithMentor: 4);
        await admin.ClickAsync("#report-submit");
        await Expect(admin.Locator("#report-state")).ToHaveTextAsync("✓ сдано", new() { Timeout = 20_000 });

        // Within the page to СШ № 50's form, a value typed, and Back at once (well inside the one-second autosave).
        await admin.EvaluateAsync($"() => Blazor.navigateTo('/campaigns/{campaign}/organisations/{school50}')");
        await Expect(admin.Locator("h1")).ToHaveTextAsync("СШ № 50");
        await Expect(admin.Locator("#report-message")).ToHaveCountAsync(0); // СШ № 32's «Данные отправлены» stayed with it
        await admin.FillAsync("#tch_mentors-value", "17");
        await admin.GoBackAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("СШ № 32");

        // СШ № 32 is still sent, with no draft of anyone's, and the count of reports sent has not fallen.
        await Expect(admin.Locator("#report-state")).ToHaveTextAsync("✓ сдано");
        await Expect(admin.Locator("#report-unsent")).ToHaveCountAsync(0);
        Assert.Equal(2L, await app.ScalarAsync("""SELECT "State" FROM "Submissions" WHERE "CampaignId" = @c AND "OrganisationId" = @o""", ("c", (int)campaign), ("o", (int)school32)));
        Assert.Equal(0L, await app.ScalarAsync("""SELECT COUNT(*) FROM "Submissions" WHERE "CampaignId" = @c AND "OrganisationId" = @o AND "DraftJson" IS NOT NULL""", ("c", (int)campaign), ("o", (int)school32)));
        // The value typed in СШ № 50's form was saved there, and is there when the form opens again.
        await admin.GotoAsync($"{app.BaseUrl}/campaigns/{campaign}/organisations/{school50}");
        await DashboardApp.WaitForInteractiveAsync(admin);
        await Expect(admin.Locator("#tch_mentors-value")).ToHaveValueAsync("17");
        await Expect(admin.Locator("#report-state")).ToHaveTextAsync("✎ заполняется");
    }

    [Fact]
    public async Task ATamperedFormValue_CountsAsNotChosen_AndTheSessionCarriesOn()
    {
        var campaign = await app.OpenCampaignAsync(new DateOnly(2026, 10, 5));
        var curator = await app.SignInAsync("curator@demo.local");
        await curator.GotoAsync($"{app.BaseUrl}/campaigns/{campaign}/organisations/{await app.OrganisationIdAsync("СШ № 50")}");
        await curator.Locator("#effectiveness-value").WaitForAsync();
        await DashboardApp.WaitForInteractiveAsync(curator);

        // An option value edited by hand, as a tampered request sends it (a level cast to int used to end the session).
        await curator.EvalOnSelectorAsync("#effectiveness-value", "s => { s.options[1].value = '99999999999'; }");
        await curator.SelectOptionAsync("#effectiveness-value", "99999999999");

        // The session lives on: the next field saves a draft, and submitting names the level as not chosen.
        await curator.FillAsync("#tch_mentors-value", "7");
        await Expect(curator.Locator("#report-save-status")).ToContainTextAsync("Черновик сохранён");
        await curator.ClickAsync("#report-submit");
        await Expect(curator.Locator("#report-message")).ToContainTextAsync("Данные не отправлены");
        await Expect(curator.Locator("[data-indicator=EFFECTIVENESS] .field-error")).ToHaveTextAsync("заполните поле");
        await Expect(curator.Locator(".page-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnOfficialImportsASpreadsheet_SeesThePreview_ThenTheProgress()
    {
        var campaign = await app.OpenCampaignAsync(new DateOnly(2026, 11, 2), screenshot: "59-campaign-opened");
        var city = await app.MunicipalityIdAsync("город Красноярск");
        var page = await app.SignInAsync("admin@demo.local");
        await page.GotoAsync($"{app.BaseUrl}/campaigns/{campaign}/municipalities/{city}");
        await DashboardApp.WaitForInteractiveAsync(page);

        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "школы.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Образовательная организация;«Ученик-ученик»;Положение\nСШ № 50;да;1\nСШ № 32;1;1\n"),
        });
        await Expect(page.Locator(".import-problems")).ToContainTextAsync("Строка 2, столбец «Ученик-ученик»: ожидается 0 или 1, получено «да»");
        await DashboardApp.ScreenshotAsync(page, "62-import-errors");

        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "школы.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Образовательная организация;«Ученик-ученик»;Положение\nСШ № 50;1;1\nсш n32;0;1\n"),
        });
        await Expect(page.Locator(".import-preview")).ToContainTextAsync("Будет изменено 4 значения");
        await DashboardApp.ScreenshotAsync(page, "63-import-preview");
        await page.ClickAsync("#import-commit");
        await Expect(page.Locator(".form-success")).ToContainTextAsync("Загружено: изменено 4 значения у 2 организаций");
        await Expect(page.Locator("tr[data-organisation] .submission-state--submitted")).ToHaveCountAsync(2);

        await page.GotoAsync($"{app.BaseUrl}/campaigns/{campaign}");
        await Expect(page.Locator("[data-testid=submitted-total]")).ToHaveTextAsync("2");
        await DashboardApp.ScreenshotAsync(page, "64-campaign-progress");

        // «Кто не сдал»: the 125 schools still missing, by municipality; a chip shows the two that sent theirs.
        await page.ClickAsync("#campaign-chase");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Кто не сдал");
        await Expect(page.Locator("#chase-heading")).ToHaveTextAsync("125 организаций не сдали данные");
        await Expect(page.Locator(".chase-municipality")).ToHaveTextAsync("город Красноярск — 125");
        await DashboardApp.ScreenshotAsync(page, "65-chase-list");
        // The same list on a phone, in a page of its own. This page used to be resized to a phone and back, which
        // reopens its menu and shifts the filter; once in CI under load the click below then led nowhere.
        var phone = await app.SignInAsync("admin@demo.local", width: 390, height: 844);
        await phone.GotoAsync(page.Url);
        await DashboardApp.WaitForInteractiveAsync(phone);
        await Expect(phone.Locator("#chase-heading")).ToHaveTextAsync("125 организаций не сдали данные");
        await DashboardApp.ScreenshotAsync(phone, "65-chase-list-phone");
        Assert.Empty(await DashboardApp.SidewaysOverflowAsync(phone));
        await page.ClickAsync(".chase-filter a:has-text('сдали (2)')");
        await page.WaitForURLAsync($"**/campaigns/{campaign}/chase?show=submitted");
        await Expect(page.Locator(".chase-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".chase-table tbody tr th").First).ToHaveTextAsync("СШ № 32");
        await Expect(page.Locator(".export-links a[data-format=xlsx]")).ToHaveAttributeAsync("href", $"export/chase?campaign={campaign}&show=submitted&format=xlsx");
    }
}
