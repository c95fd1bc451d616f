using System.Text.Json;
using System.Threading.Channels;
using Mentoring.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>
/// Figure changes shared by every dashboard instance on one PostgreSQL database through LISTEN/NOTIFY: a change is
/// dispatched on its own instance at once and sent as a notification; every other instance hears it on a listening
/// connection and dispatches it to its circuits and its shared-figures cache. If that connection drops, the feed
/// reconnects and treats every cached figure as stale, since changes may have been missed meanwhile.
/// </summary>
public sealed class PostgreSqlFigureChangeFeed(
    DatabaseSettings database,
    IDbContextFactory<MentoringDbContext> contexts,
    ILogger<PostgreSqlFigureChangeFeed> logger,
    ILogger<InProcessFigureChangeFeed> localLogger) : BackgroundService, IFigureChangeFeed
{
    private const string Channel = "mentoring_figure_changes";

    // NOTIFY payloads must stay under 8000 bytes; a large import names its municipality and the listener looks up the schools.
    private const int MaxPayload = 7_000;

    // Bounded: the instance is healthy again within seconds of the database's return, not after a long back-off.
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250), LastRetry = TimeSpan.FromSeconds(2);

    private readonly InProcessFigureChangeFeed local = new(localLogger);
    private readonly Guid instance = Guid.NewGuid();
    private readonly Channel<string> received = System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true });

    /// <summary>Whether the listening connection is up (the health endpoint reports it).</summary>
    public bool IsListening { get; private set; }

    public long VersionOf(int campaignId) => local.VersionOf(campaignId);

    public IDisposable Subscribe(Action<FigureChange> handler) => local.Subscribe(handler);

    public async Task PublishAsync(FigureChange change)
    {
        local.Publish(change);
        var message = new Message(instance, change.CampaignId, change.RegionId, [.. change.MunicipalityIds], [.. change.OrganisationIds]);
        var payload = JsonSerializer.Serialize(message);
        if (payload.Length > MaxPayload)
            payload = JsonSerializer.Serialize(message with { Organisations = null });
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", payload);
            await notify.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The change is committed; other instances show it on their next load instead of at once.
            logger.LogWarning(e, "Could not tell other instances about a figure change in campaign {Campaign}", change.CampaignId);
        }
    }

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
                connection.Notification += (_, e) => received.Writer.TryWrite(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Whatever was committed before this LISTEN (while starting or disconnected) was not heard.
                local.ForgetAll();
                IsListening = true;
                retry = FirstRetry;
                logger.LogInformation("Listening for figure changes of other instances");
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                IsListening = false;
                logger.LogWarning(e, "Figure change feed disconnected; retrying in {Retry}", retry);
                await Task.Delay(retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        IsListening = false;
    }

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in received.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var message = JsonSerializer.Deserialize<Message>(payload)!;
                    if (message.Instance == instance)
                        continue; // dispatched here when it was published
                    var organisations = message.Organisations ?? await OrganisationsOfAsync(message.Municipalities, stoppingToken);
                    local.Publish(new FigureChange(message.Campaign, message.Region, message.Municipalities.ToHashSet(), organisations.ToHashSet()));
                }
                catch (Exception e) when (e is JsonException or NpgsqlException or InvalidOperationException)
                {
                    local.ForgetAll();
                    logger.LogWarning(e, "A figure change notification could not be read: cached figures are dropped instead");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<int[]> OrganisationsOfAsync(int[] municipalities, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Organisations.Where(o => municipalities.Contains(o.MunicipalityId)).Select(o => o.Id).ToArrayAsync(ct);
    }

    /// <summary>Short names: every byte counts against the 8000-byte payload.</summary>
    private sealed record Message(
        [property: System.Text.Json.Serialization.JsonPropertyName("i")] Guid Instance,
        [property: System.Text.Json.Serialization.JsonPropertyName("c")] int Campaign,
        [property: System.Text.Json.Serialization.JsonPropertyName("r")] int Region,
        [property: System.Text.Json.Serialization.JsonPropertyName("m")] int[] Municipalities,
        [property: System.Text.Json.Serialization.JsonPropertyName("o")] int[]? Organisations);
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
