using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Bench;

/// <summary>
/// One Blazor Server circuit without a browser, speaking the protocol blazor.web.js speaks (learnt from ASP.NET Core's
/// test client «Ignitor» and from blazor.web.js itself): it reads the prerendered page with the user's cookie, opens
/// the hub over WebSockets with MessagePack («blazorpack»), starts a circuit, adds the page's root components from their
/// prerender markers, acknowledges every render batch and answers every JavaScript call with «done, no value». What
/// it does not do is draw: a batch is counted, its bytes are not applied to a DOM. That is what lets one process hold a
/// thousand of them.
/// </summary>
public sealed partial class HeadlessCircuit : IAsyncDisposable
{
    private readonly HubConnection connection;
    private long lastBatchAt;
    private int batches;

    private HeadlessCircuit(HubConnection connection) => this.connection = connection;

    /// <summary>Stopwatch time stamp of the latest render batch received.</summary>
    public long LastBatchAt => Volatile.Read(ref lastBatchAt);

    public int Batches => Volatile.Read(ref batches);

    /// <summary>Why the server gave up on this circuit («JS.Error»), or the connection closed; null while it is live.</summary>
    public string? Failure { get; private set; }

    /// <summary>Opens <paramref name="path"/> as the signed-in user of <paramref name="cookies"/> and waits until its first renders settled.</summary>
    public static async Task<HeadlessCircuit> StartAsync(Uri baseUri, string path, CookieContainer cookies, HttpClient http)
    {
        var pageUri = new Uri(baseUri, path);
        var html = await http.GetStringAsync(pageUri);
        var markers = Marker().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!).Where(m => (string?)m["type"] == "server").ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{pageUri} has no interactive server component: is the cookie signed in?");
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options =>
        {
            options.Cookies = cookies;
            options.SkipNegotiation = false;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var circuit = new HeadlessCircuit(builder.Build());
        circuit.Listen();
        await circuit.connection.StartAsync();
        circuit.connection.Closed += e =>
        {
            circuit.Failure ??= "соединение закрыто" + (e is null ? "" : ": " + e.Message);
            return Task.CompletedTask;
        };

        // As blazor.web.js: a circuit without components, then one «add» operation per prerendered marker.
        var secret = await circuit.connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", state);
        if (secret is null)
            throw new InvalidOperationException($"The server refused to start a circuit for {pageUri}: {circuit.Failure}");
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            }).ToArray()),
        };
        await circuit.connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state);
        await circuit.SettledAsync(TimeSpan.FromSeconds(60));
        return circuit;
    }

    /// <summary>Waits for the first render batch after <paramref name="since"/> (a Stopwatch time stamp); returns its time stamp.</summary>
    public async Task<long> BatchAfterAsync(long since, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (LastBatchAt <= since)
        {
            if (Failure is not null)
                throw new InvalidOperationException("Цепь прервана: " + Failure);
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"No render batch within {timeout.TotalSeconds:0} s.");
            await Task.Delay(5);
        }
        return LastBatchAt;
    }

    private async Task SettledAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        // Interactive once the first batch arrived and nothing followed for a moment (charts, the live status).
        while (Batches == 0 || Stopwatch.GetElapsedTime(LastBatchAt) < TimeSpan.FromMilliseconds(300))
        {
            if (Failure is not null)
                throw new InvalidOperationException("Цепь прервана: " + Failure);
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException("The circuit did not render within the time allowed.");
            await Task.Delay(20);
        }
    }

    private void Listen()
    {
        connection.On<long, byte[]>("JS.RenderBatch", async (batchId, _) =>
        {
            Volatile.Write(ref lastBatchAt, Stopwatch.GetTimestamp());
            Interlocked.Increment(ref batches);
            // Unacknowledged, the server would stop sending after ten batches.
            await connection.SendAsync("OnRenderCompleted", batchId, null);
        });
        // Every call into «the browser» succeeds with no value: drawing a chart, the time zone, the theme.
        // .NET 10 sends six arguments: handle, identifier, arguments, result type, target instance, call type.
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (handle, _, _, _, _, _) =>
        {
            if (handle != 0)
                await connection.SendAsync("EndInvokeJSFromDotNet", handle, true, JsonSerializer.Serialize(new object?[] { handle, true, null }));
        });
        connection.On<string>("JS.Error", error => Failure = error);
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string>("JS.EndInvokeDotNet", _ => { });
        connection.On<int, bool>("JS.EndLocationChanging", (_, _) => { });
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();

    /// <summary>SignalR's MessagePack protocol under the name Blazor's hub accepts.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol inner = new();

        public string Name => "blazorpack";
        public int Version => inner.Version;
        public TransferFormat TransferFormat => inner.TransferFormat;
        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
    }
}
