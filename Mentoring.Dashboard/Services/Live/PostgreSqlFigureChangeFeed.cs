using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Mentoring.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>
/// Figure changes shared by every dashboard instance on one PostgreSQL database through LISTEN/NOTIFY. A write
/// queues its notification inside its own transaction, so PostgreSQL delivers it exactly when the write commits, even
/// if the writing instance dies a moment later. Every other instance hears it on a listening connection and dispatches
/// it to its circuits and its shared-figures cache. After that connection comes back, the instance compares the
/// versions it has heard with the database's (<see cref="CampaignVersion"/>) and announces what it missed.
/// </summary>
public sealed class PostgreSqlFigureChangeFeed(
    DatabaseSettings database,
    IDbContextFactory<MentoringDbContext> contexts,
    ILogger<PostgreSqlFigureChangeFeed> logger,
    ILogger<InProcessFigureChangeFeed> localLogger,
    FaultInjection? faults = null) : BackgroundService, IFigureChangeFeed
{
    private const string Channel = "mentoring_figure_changes";

    // NOTIFY payloads must stay under 8000 bytes; a large import names its municipality and the listener looks up the schools.
    private const int MaxPayload = 7_000;

    // Bounded: the instance is healthy again within seconds of the database's return, not after a long back-off.
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250), LastRetry = TimeSpan.FromSeconds(2);

    private readonly InProcessFigureChangeFeed local = new(localLogger, faults);
    private readonly Guid instance = Guid.NewGuid();

    // Notifications in the order they arrived, and after each (re)connection a request to compare versions.
    private readonly Channel<Received> received = System.Threading.Channels.Channel.CreateUnbounded<Received>(new() { SingleReader = true });

    // Each listening connection is a generation; the feed is current once the versions were compared on the current one.
    private int listeningOn, caughtUpOn = -1;
    private volatile bool connected;

    /// <summary>Whether the listening connection is up and every version heard is the database's (the health endpoint reports it).</summary>
    public bool IsListening => connected && Volatile.Read(ref caughtUpOn) == Volatile.Read(ref listeningOn);

    // While not listening, changes may go unheard: nothing cached may be reused until the versions are compared again.
    public long? VersionOf(int campaignId) => IsListening ? local.VersionOf(campaignId) : null;

    public long? RegionVersionOf(int regionId) => IsListening ? local.RegionVersionOf(regionId) : null;

    public IDisposable Subscribe(Action<FigureChange> handler) => local.Subscribe(handler);

    public async Task<FigureChange> AnnounceAsync(MentoringDbContext db, FigureChange change, CancellationToken ct = default)
    {
        var announced = await local.AnnounceAsync(db, change, ct);
        var message = new Message(instance, announced.CampaignId, announced.Version, announced.RegionId,
            [.. announced.MunicipalityIds], [.. announced.OrganisationIds]);
        var payload = JsonSerializer.Serialize(message);
        if (payload.Length > MaxPayload)
            payload = JsonSerializer.Serialize(message with { Organisations = null });
        await using var notify = CampaignVersion.CommandInTransaction(db, "SELECT pg_notify(@channel, @payload)");
        CampaignVersion.AddParameter(notify, "channel", Channel);
        CampaignVersion.AddParameter(notify, "payload", payload);
        await notify.ExecuteNonQueryAsync(ct);
        return announced;
    }

    // The other instances hear it from the database; this one at once.
    public void Committed(FigureChange announced) => local.Committed(announced);

    // This instance skips its own notifications, so a commit made without its answer would go unheard here: the
    // versions are compared with the database's, as after a reconnection (retried until the database answers).
    public void CommitUnconfirmed() => received.Writer.TryWrite(new Received(null, Volatile.Read(ref listeningOn)));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), DispatchAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString)
                    { KeepAlive = 30, Pooling = false, Timeout = 3 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => received.Writer.TryWrite(new Received(e.Payload, 0));
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Whatever was committed before this LISTEN (while starting or disconnected) was not heard: compare.
                var generation = Interlocked.Increment(ref listeningOn);
                connected = true;
                received.Writer.TryWrite(new Received(null, generation));
                retry = FirstRetry;
                logger.LogInformation("Listening for figure changes of other instances");
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                connected = false;
                logger.LogWarning(e, "Figure change feed disconnected; retrying in {Retry}", retry);
                await Task.Delay(retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        connected = false;
    }

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (payload, catchUpOn) in received.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (payload is null)
                    {
                        await CatchUpAsync(stoppingToken);
                        Volatile.Write(ref caughtUpOn, catchUpOn); // only now is every version this instance knows the database's
                        continue;
                    }
                    var message = JsonSerializer.Deserialize<Message>(payload)!;
                    if (message.Instance == instance)
                        continue; // dispatched here when it was committed
                    var organisations = message.Organisations ?? await OrganisationsOfAsync(message.Municipalities, stoppingToken);
                    local.Dispatch(new FigureChange(message.Campaign, message.Region, message.Municipalities.ToHashSet(), organisations.ToHashSet())
                        { Version = message.Version });
                }
                catch (Exception e) when (e is JsonException or NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    // Not heard as it was meant: ask the database instead, until it answers.
                    logger.LogWarning(e, "A figure change notification could not be read: versions are compared with the database");
                    Volatile.Write(ref caughtUpOn, -1);
                    received.Writer.TryWrite(new Received(null, Volatile.Read(ref listeningOn)));
                    await Task.Delay(LastRetry, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Every campaign whose version in the database is not the one heard here changed unheard: all of it is announced.</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        await using var db = await contexts.EveryRegion().CreateDbContextAsync(ct);
        var stored = await db.CampaignVersions.AsNoTracking()
            .Join(db.Campaigns, v => v.CampaignId, c => c.Id, (v, c) => new { v.CampaignId, v.Version, c.RegionId })
            .ToListAsync(ct);
        foreach (var campaign in stored.Where(s => local.KnownVersions.GetValueOrDefault(s.CampaignId) != s.Version))
        {
            logger.LogInformation("Campaign {Campaign} changed unheard (version {Version}): its pages reload", campaign.CampaignId, campaign.Version);
            local.Dispatch(await FigureChange.WholeCampaignAsync(db, campaign.CampaignId, campaign.RegionId, ct) with { Version = campaign.Version });
        }
    }

    private async Task<int[]> OrganisationsOfAsync(int[] municipalities, CancellationToken ct)
    {
        await using var db = await contexts.EveryRegion().CreateDbContextAsync(ct);
        return await db.Organisations.Where(o => municipalities.Contains(o.MunicipalityId)).Select(o => o.Id).ToArrayAsync(ct);
    }

    /// <summary>A notification's payload, or (null) a request to compare versions on listening connection <c>CatchUpOn</c>.</summary>
    private readonly record struct Received(string? Payload, int CatchUpOn);

    /// <summary>Short names: every byte counts against the 8000-byte payload.</summary>
    private sealed record Message(
        [property: JsonPropertyName("i")] Guid Instance,
        [property: JsonPropertyName("c")] int Campaign,
        [property: JsonPropertyName("v")] long Version,
        [property: JsonPropertyName("r")] int Region,
        [property: JsonPropertyName("m")] int[] Municipalities,
        [property: JsonPropertyName("o")] int[]? Organisations);
}

/// <summary>The health endpoint's view of the figure change feed.</summary>
public sealed class FigureChangeFeedHealthCheck(IFigureChangeFeed feed) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(feed switch
        {
            PostgreSqlFigureChangeFeed { IsListening: true } => HealthCheckResult.Healthy("PostgreSQL LISTEN/NOTIFY: connected"),
            PostgreSqlFigureChangeFeed => HealthCheckResult.Unhealthy("PostgreSQL LISTEN/NOTIFY: not connected, reconnecting"),
            _ => HealthCheckResult.Healthy("in-process (one instance)"),
        });
}
