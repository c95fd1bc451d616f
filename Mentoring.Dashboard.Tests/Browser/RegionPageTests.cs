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

    [Fact]
    public async Task KeyFigures_CarryThePlanAndItsStatus_OnTheRoundItWasAssessedOn()
    {
        // Krasnodar plans «учитель-учитель» in 100 % of organisations in 2022; 1 007 of 1 287 implement it.
        var page = await app.SignInAsync("minobr@demo.local");

        var card = page.Locator(".kpi-card[data-indicator=FORM_TT]");
        await Expect(card.Locator(".kpi-plan")).ToHaveTextAsync("план на 2022 г.: 100\u00A0%, выполнение 78\u00A0%");
        // One round only: the plan page's status, not a guess.
        await Expect(card.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "InsufficientData");
    }

    [Fact]
    public async Task Slicers_AndAClickOnTheRanking_FilterThePage_AndEachStateHasItsOwnUrl()
    {
        var page = await app.SignInAsync("minobr@demo.local");
        var regionUrl = page.Url;

        await DashboardApp.ChooseAsync(page, "Организации", "Общеобразовательные организации");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=School"));
        var card = page.Locator(".kpi-card[data-indicator=FORM_TT]");
        await Expect(card.Locator(".kpi-value")).ToHaveTextAsync("85\u00A0%");
        await Expect(card.Locator(".kpi-detail")).ToHaveTextAsync("970 из 1\u00A0141 ОО (всего — демо-реестр)");

        await DashboardApp.ChooseAsync(page, "Муниципалитеты", "Городские округа");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("group=CityOkrugs"));
        await Expect(page.Locator(".municipality-table tbody tr")).ToHaveCountAsync(7);
        await Expect(page.Locator(".municipality-table tbody tr").First).ToContainTextAsync("город Армавир");

        // The ranking, highest first: Армавир and Сочи share 90,9 %; a click on Сочи's bar filters the cards to it.
        await page.Locator(".municipality-chart path.apexcharts-bar-area").Nth(1).ClickAsync();
        var sochi = await app.MunicipalityIdAsync("город Сочи");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"focus={sochi}"));
        await Expect(page.Locator("#kpi-heading")).ToHaveTextAsync("Ключевые показатели: город Сочи на 01.08.2022");
        await Expect(card.Locator(".kpi-value")).ToHaveTextAsync("90,9\u00A0%");
        await Expect(card.Locator(".kpi-comparison")).ToHaveTextAsync("по региону: 85\u00A0% (+5,9\u00A0п.п.)");
        await Expect(page.Locator(".municipality-table tr.selected-row")).ToContainTextAsync("город Сочи");
        // Beside the chart, where the reader clicked: what was chosen and where its figures went.
        await Expect(page.Locator("#ranking-focus")).ToHaveTextAsync(
            "Выбран город Сочи: 90,9\u00A0% (демо), место 1 из 7. Его показатели — в карточках выше рядом с регионом. К карточкам · Снять выбор");
        await DashboardApp.ScreenshotAsync(page, "12-region-krasnodar-filtered");

        // The URL alone brings the same state back.
        var filtered = page.Url;
        var again = await app.SignInAsync("minobr@demo.local");
        await again.GotoAsync(filtered);
        await Expect(again.Locator("#kpi-heading")).ToHaveTextAsync("Ключевые показатели: город Сочи на 01.08.2022");
        await Expect(again.Locator(".municipality-table tbody tr")).ToHaveCountAsync(7);

        // Each chip takes its own filter off.
        await page.Locator(".filter-chip", new() { HasText = "город Сочи" }).ClickAsync();
        await Expect(page.Locator("#kpi-heading")).ToHaveTextAsync("Ключевые показатели на 01.08.2022");
        await page.Locator(".filter-chip", new() { HasText = "Городские округа" }).ClickAsync();
        await Expect(page.Locator(".municipality-table tbody tr")).ToHaveCountAsync(44);
        await page.Locator(".filter-chip", new() { HasText = "Общеобразовательные организации" }).ClickAsync();
        await Expect(card.Locator(".kpi-value")).ToHaveTextAsync("78,2\u00A0%");
        await Expect(page).ToHaveURLAsync(regionUrl);
    }

    [Fact]
    public async Task AChartOutOfSight_IsRedrawnWhenItComesNearTheScreen_OrWhenThePageIsPrinted()
    {
        // A phone, so that the page's last chart is well below the screen.
        var page = await app.SignInAsync("minobr@demo.local", width: 390, height: 844);
        await DashboardApp.WaitForInteractiveAsync(page);
        var canvas = page.Locator("figure.chart .chart-canvas").Last;
        await Expect(canvas).ToHaveAttributeAsync("data-rendered", "true");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        Assert.True(await canvas.EvaluateAsync<bool>("c => c.getBoundingClientRect().top > window.innerHeight + 400"));
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"); // the observer's first report

        // A live update of it, as the server sends one, waits: the old drawing stays until the chart comes into view.
        await canvas.EvaluateAsync(Update, "Новое значение");
        Assert.DoesNotContain("Новое значение", await canvas.TextContentAsync());
        await canvas.ScrollIntoViewIfNeededAsync();
        await Expect(canvas).ToContainTextAsync("Новое значение");

        // Out of sight again, the next update waits too, until the page is printed: the printout has it.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        await canvas.EvaluateAsync(Update, "Для печати");
        Assert.DoesNotContain("Для печати", await canvas.TextContentAsync());
        await page.PdfAsync();
        await Expect(canvas).ToContainTextAsync("Для печати");
    }

    // One bar named by the argument, in the shape of the options ApexOptions.cs sends.
    private const string Update = """
        (canvas, name) => mentoringCharts.update(canvas, JSON.stringify({
          format: { unit: '', decimals: 0 },
          options: { chart: { type: 'bar', height: 200 }, series: [{ name: 'Ряд', data: [{ x: name, y: 7 }] }],
                     dataLabels: {}, tooltip: {}, xaxis: { labels: {} }, yaxis: { labels: {} } }
        }))
        """;

    [Fact]
    public async Task Ranking_IsReachableByKeyboard_AndAPhoneTapShowsTheTooltipBeforeChoosing()
    {
        var page = await app.SignInAsync("minobr@demo.local");
        var ranking = page.Locator("figure.municipality-chart");
        await DashboardApp.WaitForInteractiveAsync(page);
        await Expect(ranking.Locator(".chart-canvas")).ToHaveAttributeAsync("data-rendered", "true");

        // Keyboard: the chart takes focus, the arrows walk the bars (read out below it), Enter chooses.
        await ranking.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(ranking.Locator(".chart-cursor")).ToHaveTextAsync("2 из 44: город Сочи — 90,9\u00A0%\u00A0*. Enter — выбрать." /* «*»: a demo value, as on its bar */);
        await page.Keyboard.PressAsync("Enter");
        var sochi = await app.MunicipalityIdAsync("город Сочи");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"focus={sochi}"));

        // A phone: the first tap on a bar shows its tooltip and chooses nothing; a second tap on it chooses it.
        var phone = await app.SignInAsync("minobr@demo.local", width: 390, height: 844, hasTouch: true);
        await DashboardApp.WaitForInteractiveAsync(phone);
        var bar = phone.Locator(".municipality-chart path.apexcharts-bar-area").Nth(2);
        await Expect(phone.Locator(".municipality-chart .chart-canvas")).ToHaveAttributeAsync("data-rendered", "true");
        await bar.ScrollIntoViewIfNeededAsync();
        var box = (await bar.BoundingBoxAsync())!;
        await phone.Touchscreen.TapAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Expect(phone.Locator(".municipality-chart .apexcharts-tooltip.apexcharts-active")).ToBeVisibleAsync();
        Assert.DoesNotContain("focus=", phone.Url, StringComparison.Ordinal);
        await phone.Touchscreen.TapAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("focus=\\d+"));
        await Expect(phone.Locator("#ranking-focus")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TrendChart_FollowsAnIndicatorThroughEveryClosedRound()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("tomsk")}?trend=TP_STU_5_11");

        var trend = page.Locator(".trend-chart");
        // The programme's yearly results and the June 2023 monitoring, as published (date and value are two cells).
        await Expect(trend.Locator("tbody tr")).ToHaveTextAsync(["31.12.202025,25\u00A0%", "31.12.202129,05\u00A0%", "01.06.202351,56\u00A0%"]);
        await DashboardApp.ScreenshotAsync(page, "13-region-tomsk-trend");
    }
}
