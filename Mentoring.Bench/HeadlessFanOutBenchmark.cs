using System.Diagnostics;
using System.Net;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mentoring.Bench;

public sealed record HeadlessFanOutResult(string Label, int Circuits, int Instances, double BaselineMiB, double LoadedMiB, double PingMiBPerCircuit,
    Timing Latency, Timing Last, double ServerCpuSecondsPerChange, int Dropped, TimeSpan Opening)
{
    public double PerCircuitMiB => (LoadedMiB - BaselineMiB) / Circuits;
}

/// <summary>
/// Live updates at scale without browsers: N <see cref="HeadlessCircuit"/>s show a collecting round's region page on
/// one or more app instances on PostgreSQL. The benchmark then submits schools' forms itself, through the product's
/// own service and change feed (as another instance would: the change reaches the apps by NOTIFY at the commit), and
/// records when each circuit receives its next render batch. Latency = that moment minus the commit, on one clock.
/// </summary>
public static class HeadlessFanOutBenchmark
{
    private static readonly TimeSpan CpuWindow = TimeSpan.FromSeconds(3);

    public static async Task<HeadlessFanOutResult> RunAsync(DatabaseSettings template, int circuits, int changes, int instances)
    {
        if (template.Provider != DatabaseProvider.PostgreSql)
            throw new ArgumentException("Changes reach the app instances through PostgreSQL's NOTIFY.", nameof(template));
        var database = await BenchDatabase.CopyAsync(template);
        var services = new BenchServices(database);
        int regionId;
        List<int> organisations;
        await using (var db = await services.Factory.CreateDbContextAsync())
        {
            regionId = await db.Regions.Where(r => r.Code.StartsWith("bench-")).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
            organisations = await db.Organisations.Where(o => o.Municipality.RegionId == regionId).OrderBy(o => o.Id).Select(o => o.Id).Take(changes).ToListAsync();
        }
        var indicator = IndicatorCatalogue.All.First(i => i.ReportedByOrganisations && i.Kind == IndicatorKind.Fact);
        var campaignId = await services.CollectingCampaignAsync(regionId, [indicator.Code], "Мониторинг (безбраузерные цепи)");
        var feed = new CommitClock(new PostgreSqlFigureChangeFeed(database, services.Factory,
            NullLogger<PostgreSqlFigureChangeFeed>.Instance, NullLogger<InProcessFigureChangeFeed>.Instance));
        var reports = services.ReportsAnnouncingTo(feed);

        var apps = new List<AppProcess>();
        var open = new List<HeadlessCircuit>();
        try
        {
            foreach (var (app, _) in await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => AppProcess.StartAsync(database))))
                apps.Add(app);
            // One sign-in serves every instance: they share the Data Protection keys in the database.
            var cookies = new CookieContainer();
            using var http = await apps[0].SignedInClientAsync("admin@demo.local", DatabaseInitializer.DemoPassword, cookies);
            var path = $"regions/{regionId}?campaign={campaignId}";

            // Warm up each instance (the page's code, its shared model), then let go before the baseline.
            foreach (var app in apps)
                await (await HeadlessCircuit.StartAsync(new Uri(app.BaseUrl + "/"), path, cookies, http)).DisposeAsync();
            var pingMiB = await PingCostAsync(apps[0], cookies, http);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var baseline = apps.Sum(a => a.ResidentMiB());

            var opening = Stopwatch.StartNew();
            var gate = new SemaphoreSlim(8);
            var started = await Task.WhenAll(Enumerable.Range(0, circuits).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    return await HeadlessCircuit.StartAsync(new Uri(apps[i % apps.Count].BaseUrl + "/"), path, cookies, http);
                }
                finally
                {
                    gate.Release();
                    if ((i + 1) % 50 == 0)
                        Console.Write($"\r  безбраузерные цепи: открыто {i + 1} из {circuits}");
                }
            }));
            open.AddRange(started);
            opening.Stop();
            Console.WriteLine();
            await Task.Delay(TimeSpan.FromSeconds(5));
            var loaded = apps.Sum(a => a.ResidentMiB());

            var latencies = new List<double>();
            var last = new List<double>();
            var cpu = 0.0;
            foreach (var organisation in organisations)
            {
                var form = await reports.GetAsync(campaignId, organisation);
                // What the servers spend idle in the same window (keep-alives, timers), so that only the change is counted.
                var idleFrom = apps.Sum(a => a.CpuSeconds());
                await Task.Delay(CpuWindow);
                var idle = apps.Sum(a => a.CpuSeconds()) - idleFrom;
                var cpuBefore = apps.Sum(a => a.CpuSeconds());
                var before = Stopwatch.GetTimestamp();
                if (await reports.SubmitAsync(campaignId, organisation, new Dictionary<string, Mentoring.Domain.Monitoring.Figure> { [indicator.Code] = Mentoring.Domain.Monitoring.Figure.Fact(true) }, form.Version)
                    is not SaveOutcome.Saved)
                    throw new InvalidOperationException("The submission was not saved.");
                var received = await Task.WhenAll(open.Select(c => c.BatchAfterAsync(before, TimeSpan.FromSeconds(120))));
                var delays = received.Select(at => Stopwatch.GetElapsedTime(feed.CommittedAt, at).TotalMilliseconds).ToList();
                latencies.AddRange(delays);
                last.Add(delays.Max());
                // Let the servers finish rendering the change before its processor time is read (the window starts at
                // the submission, so the latency is part of it; a change that takes longer than the window is counted
                // up to its last batch).
                var elapsed = Stopwatch.GetElapsedTime(before);
                if (elapsed < CpuWindow)
                    await Task.Delay(CpuWindow - elapsed);
                var window = Stopwatch.GetElapsedTime(before);
                var changeCpu = Math.Max(0, apps.Sum(a => a.CpuSeconds()) - cpuBefore - idle * (window / CpuWindow));
                cpu += changeCpu;
                Console.WriteLine($"  изменение: последняя из {circuits} цепей через {delays.Max():0} мс, процессор серверов {changeCpu:0.00} с");
            }
            var dropped = open.Count(c => c.Failure is not null);
            return new HeadlessFanOutResult($"Обзор региона, PostgreSQL{(instances > 1 ? $", {instances} экземпляра" : ", 1 экземпляр")}",
                circuits, instances, baseline, loaded, pingMiB, new Timing("latency", latencies), new Timing("last", last), cpu / organisations.Count, dropped, opening.Elapsed);
        }
        finally
        {
            foreach (var circuit in open)
                await circuit.DisposeAsync();
            foreach (var app in apps)
                await app.DisposeAsync();
            await BenchDatabase.DeleteAsync(database);
        }
    }

    /// <summary>Server memory per idle <c>/ping</c> circuit (a minimal interactive page), on the same instance, for the ratio.</summary>
    private static async Task<double> PingCostAsync(AppProcess app, CookieContainer cookies, HttpClient http)
    {
        const int count = 50;
        await (await HeadlessCircuit.StartAsync(new Uri(app.BaseUrl + "/"), "ping", cookies, http)).DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = app.ResidentMiB();
        var pings = new List<HeadlessCircuit>();
        for (var i = 0; i < count; i++)
            pings.Add(await HeadlessCircuit.StartAsync(new Uri(app.BaseUrl + "/"), "ping", cookies, http));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var perCircuit = (app.ResidentMiB() - before) / count;
        foreach (var ping in pings)
            await ping.DisposeAsync();
        return perCircuit;
    }

    /// <summary>The product's feed, noting when the latest change was committed (a Stopwatch time stamp).</summary>
    private sealed class CommitClock(IFigureChangeFeed inner) : IFigureChangeFeed
    {
        public long CommittedAt { get; private set; }

        public Task<FigureChange> AnnounceAsync(MentoringDbContext db, FigureChange change, CancellationToken ct = default) => inner.AnnounceAsync(db, change, ct);

        public void Committed(FigureChange announced)
        {
            CommittedAt = Stopwatch.GetTimestamp();
            inner.Committed(announced);
        }

        public void CommitUnconfirmed() => inner.CommitUnconfirmed();
        public long? VersionOf(int campaignId) => inner.VersionOf(campaignId);
        public long? RegionVersionOf(int regionId) => inner.RegionVersionOf(regionId);
        public IDisposable Subscribe(Action<FigureChange> handler) => inner.Subscribe(handler);
    }
}
