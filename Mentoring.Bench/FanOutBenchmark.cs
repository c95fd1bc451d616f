using System.Globalization;
using Mentoring.Domain.Indicators;
using Mentoring.Dashboard.Data;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Mentoring.Bench;

public sealed record FanOutResult(string Page, int Pages, int Rounds, Timing Latency, Timing Slowest, double ServerCpuSeconds, double BrowserCpuSeconds,
    IReadOnlyList<BrowserWork>? BrowserWork = null);

/// <summary>
/// Live-update fan-out: N headless Chromium pages show the region page of a collecting campaign; another page submits
/// an organisation's form through the UI (the real write path and change feed in the app process). Each watching
/// page notes, with a MutationObserver, when its «сдали N» figure shows the new count. Latency = that moment minus the
/// submission's time stamp in the database (taken just before the transaction commits, so it slightly overstates).
/// </summary>
public static class FanOutBenchmark
{
    private const string Figure = "[data-testid=submitted], [data-testid=submitted-total]";

    // A promise that settles, with the time, when the figure shows the expected count. The bench awaits it rather than
    // polling: Playwright's WaitForFunction polls on every animation frame, which kept 50 renderers drawing frames.
    private const string Watch = """
        expected => {
          window.__seen = new Promise(resolve => {
            const check = () => {
              const figure = document.querySelector('[data-testid=submitted], [data-testid=submitted-total]');
              if (figure && figure.textContent.trim() === expected) {
                observer.disconnect();
                resolve(Date.now());
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          });
        }
        """;

    /// <summary>
    /// Watches the region page (all its figures, tables and charts) or the lighter collection-progress page, on one
    /// instance or on several sharing one PostgreSQL database (pages spread over them in turn; the form is submitted
    /// on the first, so the others hear of it through the database). The instances run <paramref name="appFolder"/>,
    /// the published app (ReadyToRun), as deployed.
    /// </summary>
    public static async Task<FanOutResult> RunAsync(DatabaseSettings regionDatabase, int pages, int rounds, bool regionPage, string appFolder,
        int instances = 1, string? browserTraceFile = null)
    {
        var database = await BenchDatabase.CopyAsync(regionDatabase);
        var services = new BenchServices(database);
        int regionId;
        List<int> organisations;
        await using (var db = await services.Factory.CreateDbContextAsync())
        {
            regionId = await db.Regions.Where(r => r.Code.StartsWith("bench-")).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
            organisations = await db.Organisations.Where(o => o.Municipality.RegionId == regionId).OrderBy(o => o.Id).Select(o => o.Id).Take(rounds).ToListAsync();
        }
        var indicator = IndicatorCatalogue.All.First(i => i.ReportedByOrganisations && i.Kind == IndicatorKind.Fact);
        var campaignId = await services.CollectingCampaignAsync(regionId, [indicator.Code], "Мониторинг (веерное обновление)");

        var apps = new List<AppProcess>();
        try
        {
            foreach (var started in await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => AppProcess.StartAsync(database, appFolder))))
                apps.Add(started.App);
            var app = apps[0];
            {
                using var playwright = await Playwright.CreateAsync();
                await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = CircuitBenchmarks.ChromiumArgs });
                var context = await browser.NewContextAsync(new() { Locale = "ru-RU" });
                var submitter = await context.NewPageAsync();
                await CircuitBenchmarks.SignInAsync(submitter, app.BaseUrl);
                var watchers = new List<IPage>();
                for (var i = 0; i < pages; i++)
                {
                    var page = await context.NewPageAsync();
                    var watched = apps[i % apps.Count];
                    await CircuitBenchmarks.OpenAsync(page, regionPage ? $"{watched.BaseUrl}/regions/{regionId}?campaign={campaignId}" : $"{watched.BaseUrl}/campaigns/{campaignId}");
                    await page.Locator(Figure).WaitForAsync();
                    watchers.Add(page);
                    if ((i + 1) % 10 == 0)
                        Console.Write($"\r  веерное обновление: открыто {i + 1} из {pages} страниц");
                }
                Console.WriteLine();

                // A diagnostic run: tracing slows the browsers, so its latencies are not the benchmark's figures.
                var stopTracing = browserTraceFile is null ? null : await BrowserTrace.StartAsync(browser, browserTraceFile);
                // The first page's own renderer, per submission: how long its main thread's tasks ran. That is processor
                // time with one page; with many it includes waiting for a core, so it shows contention, not cost.
                var firstPage = await PageWork.StartAsync(watchers[0]);
                var pageWork = new List<PageWork>();
                var latencies = new List<double>();
                var cpu = 0.0;
                var browserCpu = 0.0;
                var slowest = new List<double>();
                for (var round = 0; round < rounds; round++)
                {
                    var organisation = organisations[round];
                    var preparing = System.Diagnostics.Stopwatch.StartNew();
                    var browserCpuPreparing = AppProcess.ChromiumCpuSeconds();
                    await CircuitBenchmarks.OpenAsync(submitter, $"{app.BaseUrl}/campaigns/{campaignId}/organisations/{organisation}");
                    // «да» and «нет» in turn, so every submission moves the region's share (100 %, 50 %, 67 %…) as real
                    // reports do: an update that changes only the count of reports would spare the cards, table and charts.
                    await submitter.SelectOptionAsync($"#{indicator.Code.ToLowerInvariant()}-value", round % 2 == 0 ? "1" : "0");
                    var expected = (round + 1).ToString(CultureInfo.InvariantCulture);
                    await Task.WhenAll(watchers.Select(p => p.EvaluateAsync(Watch, expected)));

                    pageWork.Add(await firstPage.ReadAsync());
                    var cpuBefore = apps.Sum(a => a.CpuSeconds());
                    var browserCpuBefore = AppProcess.ChromiumCpuSeconds();
                    var (preparedIn, preparedBrowserCpu) = (preparing.Elapsed, browserCpuBefore - browserCpuPreparing);
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var clickedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    await submitter.ClickAsync("#report-submit");
                    var clicked = started.Elapsed;
                    double[] seen;
                    try
                    {
                        seen = await Task.WhenAll(watchers.Select(p => p.EvaluateAsync<double>("() => window.__seen"))).WaitAsync(TimeSpan.FromSeconds(60));
                    }
                    catch (TimeoutException)
                    {
                        throw new TimeoutException($"Not every page showed the submission within 60 s. Form: «{await submitter.Locator("main").InnerTextAsync()}»; "
                                                   + $"first page: «{await watchers[0].Locator(Figure).InnerTextAsync()}».");
                    }
                    var window = started.Elapsed;
                    // Both from the click until the last page showed the figure: the charts may still be redrawing after it.
                    var roundCpu = apps.Sum(a => a.CpuSeconds()) - cpuBefore;
                    var roundBrowserCpu = AppProcess.ChromiumCpuSeconds() - browserCpuBefore;

                    var committed = await SubmittedAtAsync(services, campaignId, organisation);
                    var delays = seen.Select(s => s - committed).ToList();
                    latencies.AddRange(delays);
                    cpu += roundCpu;
                    browserCpu += roundBrowserCpu;
                    slowest.Add(delays.Max());
                    Console.WriteLine($"  раунд {round + 1}: последняя из {pages} страниц через {delays.Max():0} мс, процессор серверов {roundCpu:0.0} с, браузеров {roundBrowserCpu:0.0} с за {window.TotalSeconds:0.0} с"
                                      + $" (щелчок {clicked.TotalMilliseconds:0} мс, от начала щелчка до записи {committed - clickedAt:0} мс; подготовка: {preparedIn.TotalSeconds:0.0} с, браузеры {preparedBrowserCpu:0.0} с)");
                }
                // Each round's share runs to the next round's click, so it includes the charts drawn after the figure showed.
                await Task.Delay(TimeSpan.FromSeconds(2));
                pageWork.Add(await firstPage.ReadAsync());
                Console.WriteLine("  первая страница, задачи её главного потока по раундам (с ожиданием процессора): " + string.Join("; ", pageWork.Zip(pageWork.Skip(1), (before, after) => after - before)));
                var work = stopTracing is null ? null : await stopTracing();
                var label = (regionPage ? "Обзор региона" : "Ход сбора данных") + $", {BenchDatabase.Label(database)}"
                            + (instances > 1 ? $", {instances} экземпляра" : "");
                return new FanOutResult(label, pages, rounds,
                    new Timing("fan-out", latencies), new Timing("slowest", slowest), cpu / rounds, browserCpu / rounds, work);
            }
        }
        finally
        {
            foreach (var app in apps)
                await app.DisposeAsync();
            await BenchDatabase.DeleteAsync(database);
        }
    }

    /// <summary>When the submission was stamped, in Unix milliseconds (the pages' Date.now() clock).</summary>
    private static async Task<double> SubmittedAtAsync(BenchServices services, int campaignId, int organisationId)
    {
        await using var db = await services.Factory.CreateDbContextAsync();
        var stamped = await db.Submissions.Where(s => s.CampaignId == campaignId && s.OrganisationId == organisationId && s.State == SubmissionState.Submitted)
            .Select(s => (DateTimeOffset?)s.UpdatedAt).SingleOrDefaultAsync() ?? throw new InvalidOperationException("The submission was not saved.");
        return stamped.ToUnixTimeMilliseconds();
    }
}

/// <summary>A renderer's main-thread time by kind (Chromium's Performance domain), in seconds.</summary>
public sealed record PageWork(double Task, double Script, double Style, double Layout)
{
    public static PageWork operator -(PageWork a, PageWork b) => new(a.Task - b.Task, a.Script - b.Script, a.Style - b.Style, a.Layout - b.Layout);

    public override string ToString() =>
        $"{Task * 1000:0} мс (скрипт {Script * 1000:0}, стили {Style * 1000:0}, раскладка {Layout * 1000:0})";

    public static async Task<Reader> StartAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Performance.enable");
        return new Reader(session);
    }

    public sealed class Reader(ICDPSession session)
    {
        public async Task<PageWork> ReadAsync()
        {
            var metrics = (await session.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics").EnumerateArray()
                .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
            return new(metrics["TaskDuration"], metrics["ScriptDuration"], metrics["RecalcStyleDuration"], metrics["LayoutDuration"]);
        }
    }
}
