using System.Diagnostics;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

/// <summary>
/// Faults of the server are not the user's. A PostgreSQL server of the test's own is stopped for longer than the
/// account re-check interval while an official has the region page open and a curator is typing; then the instance
/// itself is killed a moment after a keystroke. Nobody is signed out, nothing typed is lost, pages say what happens
/// and come back by themselves.
/// </summary>
public sealed class OutageTests(OutageFixture fixture, ITestOutputHelper output) : IClassFixture<OutageFixture>
{
    private readonly DashboardApp app = fixture.App;

    [Fact]
    public async Task ThroughADatabaseOutage_NobodyIsSignedOut_TheTypingIsSaved_AndPagesComeBackByThemselves()
    {
        var campaign = await app.OpenCampaignAsync(new DateOnly(2026, 11, 9));
        var official = await app.SignInAsync("minobr@demo.local"); // on the Krasnodar region page
        var regionUrl = official.Url;
        await Expect(official.Locator(".kpi-card").First).ToBeVisibleAsync();
        var curator = await OpenCuratorFormAsync(campaign);

        await fixture.Server.StopAsync();
        try
        {
            // The curator types on: the save fails, the form stays and says it will retry.
            await curator.FillAsync("#tch_young_mentees-whole", "12");
            await Expect(curator.Locator("#report-save-status")).ToContainTextAsync("Нет связи с базой данных", new() { Timeout = 15_000 });
            await Expect(curator.Locator("#tch_young_mentees-whole")).ToHaveValueAsync("12");

            // Past the account re-check (2 s here, a minute in production): both open sessions were checked and kept.
            await WaitForLogAsync("the session is kept");
            // The official moves on inside the open tab: the page says why it is empty, not «войдите».
            await official.ClickAsync("nav a[href='campaigns']");
            await Expect(official.Locator("#database-outage")).ToContainTextAsync("Нет связи с базой данных, повторяем…", new() { Timeout = 15_000 });
            await DashboardApp.ScreenshotAsync(official, "90-outage-open-page");
            // A fresh load says the same and waits too, never a stack trace or the sign-in page.
            var fresh = await official.Context.NewPageAsync();
            await fresh.GotoAsync(regionUrl);
            await Expect(fresh.Locator("#database-outage h1")).ToHaveTextAsync("Нет связи с базой данных, повторяем…");
            Assert.DoesNotContain("/account/login", fresh.Url, StringComparison.Ordinal);
            await DashboardApp.ScreenshotAsync(fresh, "91-outage-new-page");
            await fresh.SetViewportSizeAsync(390, 844);
            await DashboardApp.ScreenshotAsync(fresh, "91-outage-new-page-phone");
            await fresh.SetViewportSizeAsync(1600, 1000);
            await DashboardApp.ScreenshotAsync(curator, "92-outage-form-kept");
        }
        finally
        {
            await fixture.Server.StartAgainAsync();
        }

        // Healthy again within 5 s of the database's return (the feed's reconnect back-off is bounded at 2 s).
        var back = Stopwatch.StartNew();
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(5));
        output.WriteLine($"/health green {back.Elapsed.TotalSeconds:0.0} s after PostgreSQL accepted connections again");

        // The form saved the typing by itself; the pages came back by themselves, with their users still signed in.
        await Expect(curator.Locator("#report-save-status")).ToContainTextAsync("Черновик сохранён", new() { Timeout = 15_000 });
        await Expect(official.Locator("#database-outage")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(official.Locator("h1")).ToHaveTextAsync("Мониторинги", new() { Timeout = 15_000 });
        var freshAgain = official.Context.Pages[^1];
        await Expect(freshAgain.Locator(".kpi-card").First).ToBeVisibleAsync(new() { Timeout = 15_000 }); // its refresh reloaded the page
        await curator.ReloadAsync();
        await Expect(curator.Locator("#tch_young_mentees-whole")).ToHaveValueAsync("12");
        Assert.DoesNotContain("/account/login", curator.Url, StringComparison.Ordinal);
        await DashboardApp.ScreenshotAsync(official, "93-outage-recovered");
    }

    [Fact]
    public async Task AValueTypedAMomentBeforeTheInstanceIsKilled_ComesBackIntoTheFormAfterTheRestart()
    {
        var campaign = await app.OpenCampaignAsync(new DateOnly(2026, 11, 16));
        var curator = await OpenCuratorFormAsync(campaign);

        // Typed, and the instance gone before the one-second draft save could run.
        await curator.FillAsync("#tch_young_mentees-whole", "17");
        await app.KillAsync();
        await app.StartAgainAsync();

        await curator.ReloadAsync();
        await DashboardApp.WaitForInteractiveAsync(curator);
        await Expect(curator.Locator("#report-restored")).ToContainTextAsync("Восстановлено 1 значение");
        await Expect(curator.Locator("#tch_young_mentees-whole")).ToHaveValueAsync("17");
        await Expect(curator.Locator("#report-save-status")).ToContainTextAsync("Черновик сохранён");
        await DashboardApp.ScreenshotAsync(curator, "94-form-restored-after-restart");
        await curator.SetViewportSizeAsync(390, 844);
        await DashboardApp.ScreenshotAsync(curator, "94-form-restored-after-restart-phone");

        // Saved on the server now, so the browser's copy is gone: a second load restores nothing and shows the draft.
        await curator.ReloadAsync();
        await DashboardApp.WaitForInteractiveAsync(curator);
        await Expect(curator.Locator("#tch_young_mentees-whole")).ToHaveValueAsync("17");
        await Expect(curator.Locator("#report-restored")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenCuratorFormAsync(long campaign)
    {
        var curator = await app.SignInAsync("curator@demo.local");
        await curator.ClickAsync($"li[data-campaign='{campaign}'] a:has-text('заполнить данные своей организации')");
        await DashboardApp.WaitForInteractiveAsync(curator);
        await DashboardApp.FillReportFormAsync(curator, young: 10, youngWithMentor: 4);
        return curator;
    }

    private async Task WaitForLogAsync(string text)
    {
        for (var waited = Stopwatch.StartNew(); !(await app.LogAsync()).Contains(text, StringComparison.Ordinal); await Task.Delay(200))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"The app's log never said «{text}».");
        }
    }
}

/// <summary>One instance on a PostgreSQL server of its own, which the tests stop and start; sessions re-checked every 2 s.</summary>
public sealed class OutageFixture : IAsyncLifetime
{
    public LocalPostgreSql Server { get; private set; } = null!;
    public DashboardApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LocalPostgreSql.StartOwnAsync();
        var database = new DatabaseSettings(DatabaseProvider.PostgreSql, await Server.CreateDatabaseAsync("mentoring_outage"));
        App = new DashboardApp(database, new Dictionary<string, string> { ["Identity__RecheckInterval"] = "00:00:02" });
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Server.DeleteAsync();
    }
}
