using System.Text.Json;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

/// <summary>
/// Two dashboard instances on one PostgreSQL database, started at the same moment as a deployment would start them:
/// a sign-in on one is valid on the other, and a curator's submission on instance A moves an official's open region
/// page on instance B without a reload (PostgreSQL LISTEN/NOTIFY behind the figure change feed).
/// </summary>
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private readonly DashboardApp a = instances.A;
    private readonly DashboardApp b = instances.B;

    [Fact]
    public async Task BothInstancesReport_TheDatabaseAndAConnectedFeed()
    {
        using var http = new HttpClient();
        foreach (var instance in new[] { a, b })
        {
            using var health = JsonDocument.Parse(await http.GetStringAsync(instance.BaseUrl + "/health"));
            Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("PostgreSQL LISTEN/NOTIFY: connected", health.RootElement.GetProperty("checks").GetProperty("feed").GetProperty("description").GetString());
        }
        // Seeded once, not twice.
        Assert.Equal(1, await a.ScalarAsync("""SELECT COUNT(*) FROM "Regions" WHERE "Code" = 'krasnoyarsk'"""));
    }

    [Fact]
    public async Task ASubmissionOnInstanceA_MovesTheRegionPageOpenOnInstanceB()
    {
        var campaign = await a.OpenCampaignAsync(new DateOnly(2026, 11, 2));
        var region = await a.RegionIdAsync("krasnoyarsk");

        // An administrator signs in on A; the same cookie opens the region page on B (keys shared through the database).
        var watcher = await a.SignInAsync("admin@demo.local");
        await watcher.GotoAsync($"{b.BaseUrl}/regions/{region}?campaign={campaign}");
        Assert.StartsWith(b.BaseUrl + "/regions/", watcher.Url, StringComparison.Ordinal);
        await DashboardApp.WaitForInteractiveAsync(watcher);
        await Expect(watcher.Locator("[data-testid=submitted]")).ToHaveTextAsync("0");
        var watcherUrl = watcher.Url;

        // The curator submits the school's form on A.
        var curator = await a.SignInAsync("curator@demo.local");
        await curator.ClickAsync($"li[data-campaign='{campaign}'] a:has-text('заполнить данные своей организации')");
        await DashboardApp.WaitForInteractiveAsync(curator);
        await DashboardApp.FillReportFormAsync(curator, young: 10, youngWithMentor: 4);
        await curator.ClickAsync("#report-submit");
        await Expect(curator.Locator("#report-message")).ToContainTextAsync("Данные отправлены", new() { Timeout = 20_000 });

        // B heard of it and redrew the page by itself.
        await Expect(watcher.Locator("[data-testid=submitted]")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
        await Expect(watcher.Locator(".kpi-card[data-indicator=TCH_YOUNG_MENTEES] .kpi-value")).ToHaveTextAsync("40\u00A0%");
        Assert.Equal(watcherUrl, watcher.Url);
        await DashboardApp.ScreenshotAsync(watcher, "62-region-live-update-other-instance");
    }

    [Fact]
    public async Task AnInstanceKilledBetweenTheCommitAndAllElse_LeavesTheOtherInstanceCurrent()
    {
        var campaign = await a.OpenCampaignAsync(new DateOnly(2026, 11, 23));
        var region = await a.RegionIdAsync("krasnoyarsk");
        // A third instance, whose fault-injection hook kills it the moment its first figure change is committed: before
        // it tells its own pages, answers the curator or does anything else.
        await using var doomed = new DashboardApp(a.Database, new Dictionary<string, string> { ["FaultInjection__KillAfterCommit"] = "true" });
        await doomed.InitializeAsync();
        var watcher = await b.SignInAsync("admin@demo.local");
        await watcher.GotoAsync($"{b.BaseUrl}/regions/{region}?campaign={campaign}");
        await DashboardApp.WaitForInteractiveAsync(watcher);
        await Expect(watcher.Locator("[data-testid=submitted]")).ToHaveTextAsync("0");

        var curator = await doomed.SignInAsync("curator@demo.local");
        await curator.ClickAsync($"li[data-campaign='{campaign}'] a:has-text('заполнить данные своей организации')");
        await DashboardApp.WaitForInteractiveAsync(curator);
        var formPath = new Uri(curator.Url).PathAndQuery;
        await DashboardApp.FillReportFormAsync(curator, young: 10, youngWithMentor: 5);
        await curator.ClickAsync("#report-submit");
        try
        {
            await doomed.WaitForExitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // Seen once under CI load, cause unknown: what the curator saw and what the instance logged tell why.
            Assert.Fail($"The doomed instance did not commit the submission within 20 s. The form showed: «{await curator.Locator("main").InnerTextAsync()}». "
                        + $"Its log: «{await doomed.LogAsync()}»");
        }

        // The other instance's open page moved by itself, and a fresh load there shows the same figures.
        await Expect(watcher.Locator("[data-testid=submitted]")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
        await Expect(watcher.Locator(".kpi-card[data-indicator=TCH_YOUNG_MENTEES] .kpi-value")).ToHaveTextAsync("50\u00A0%");
        var fresh = await watcher.Context.NewPageAsync();
        await fresh.GotoAsync(watcher.Url);
        await Expect(fresh.Locator("[data-testid=submitted]")).ToHaveTextAsync("1");
        await Expect(fresh.Locator(".kpi-card[data-indicator=TCH_YOUNG_MENTEES] .kpi-value")).ToHaveTextAsync("50\u00A0%");

        // The curator, sent to the surviving instance as nginx would, finds the report sent.
        var again = await b.SignInAsync("curator@demo.local");
        await again.GotoAsync(b.BaseUrl + formPath);
        await Expect(again.Locator("#report-state")).ToHaveTextAsync(Format.SubmissionState(Mentoring.Domain.Monitoring.SubmissionState.Submitted));
    }

    [Fact]
    public async Task ThroughTheReadmesNginxConfiguration_ABrowserStaysOnOneInstance_AndItsPagesAreLive()
    {
        await using var proxy = await NginxProxy.StartAsync(a, b);

        var page = await a.SignInAsync("minobr@demo.local", baseUrl: proxy.BaseUrl);
        var region = await a.RegionIdAsync("krasnodar");
        await page.GotoAsync($"{proxy.BaseUrl}/regions/{region}");
        await DashboardApp.WaitForInteractiveAsync(page); // the circuit's WebSocket went through the proxy
        await DashboardApp.ChooseAsync(page, "Показатель", "«Ученик-ученик»"); // answered by the circuit
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("indicator=FORM_SS"));

        // Every request of this browser (sign-in, pages, Blazor's negotiation and WebSocket) reached the same instance.
        var upstreams = await proxy.UpstreamsOfAsync();
        Assert.True(upstreams.Count >= 5, string.Join(", ", upstreams));
        Assert.Single(upstreams.Distinct());
    }
}

/// <summary>Two instances on one new PostgreSQL database, started at the same moment as a deployment would start them.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private string connectionString = "";

    public DashboardApp A { get; private set; } = null!;
    public DashboardApp B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        connectionString = await (await LocalPostgreSql.SharedAsync()).CreateDatabaseAsync("mentoring_two");
        var database = new DatabaseSettings(DatabaseProvider.PostgreSql, connectionString);
        A = new DashboardApp(database);
        B = new DashboardApp(database);
        // Both migrate and seed an empty database at once: one waits for the other's turn.
        await Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await (await LocalPostgreSql.SharedAsync()).DropDatabaseAsync(connectionString);
    }
}
