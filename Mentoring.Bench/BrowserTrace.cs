using System.Text.Json;
using Microsoft.Playwright;

namespace Mentoring.Bench;

/// <summary>Where the renderers' main threads spent their time: a trace event's name and its self time in seconds.</summary>
public sealed record BrowserWork(string Name, double SelfSeconds, int Count);

/// <summary>
/// Reads a Chromium performance trace (devtools.timeline events) and sums, over every renderer's main thread, the self
/// time of each kind of work: script, style, layout, paint and the rest. The fan-out benchmark uses it to show what
/// the browsers do with a live update, since on 2 cores their work delays the last page as much as the server's does.
/// </summary>
public static class BrowserTrace
{
    public static readonly string[] Categories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"];

    /// <summary>Starts tracing every process of the browser (over the DevTools protocol); the function returned ends it.</summary>
    /// <remarks>The whole trace is also written to <paramref name="file"/>, for Perfetto or chrome://tracing.</remarks>
    public static async Task<Func<Task<IReadOnlyList<BrowserWork>>>> StartAsync(IBrowser browser, string file)
    {
        var session = await browser.NewBrowserCDPSessionAsync();
        var events = new List<JsonElement>();
        var complete = new TaskCompletionSource();
        session.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            lock (events)
                events.AddRange(data!.Value.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        await session.SendAsync("Tracing.start", new()
        {
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = Categories, ["recordMode"] = "recordAsMuchAsPossible" },
            ["transferMode"] = "ReportEvents",
        });
        return async () =>
        {
            await session.SendAsync("Tracing.end");
            await complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await session.DetachAsync();
            lock (events)
            {
                using (var output = File.Create(file))
                    JsonSerializer.Serialize(output, new { traceEvents = events });
                return MainThreadWork(events);
            }
        };
    }

    private static IReadOnlyList<BrowserWork> MainThreadWork(IEnumerable<JsonElement> events)
    {
        var mainThreads = new HashSet<(long Pid, long Tid)>();
        var complete = new List<Slice>();
        foreach (var e in events)
        {
            var phase = e.TryGetProperty("ph", out var ph) ? ph.GetString() : null;
            var name = e.GetProperty("name").GetString() ?? "";
            var thread = (e.GetProperty("pid").GetInt64(), e.TryGetProperty("tid", out var tid) ? tid.GetInt64() : 0);
            if (phase == "M" && name == "thread_name" && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain")
                mainThreads.Add(thread);
            // tdur is the thread's processor time; dur, the wall time, also counts the waits for one of the 2 cores.
            else if (phase == "X" && e.TryGetProperty("dur", out var dur) && e.TryGetProperty("tdur", out var tdur))
                complete.Add(new(thread, e.GetProperty("ts").GetDouble(), dur.GetDouble(), tdur.GetDouble(), name, ScriptOf(e)));
        }

        // Self time: an event's processor time less that of the events nested directly inside it on the same thread.
        // Work inside a script call is named after the script's file, so a layout forced by a chart is told apart.
        var self = new Dictionary<string, (double Microseconds, int Count)>();
        foreach (var thread in complete.Where(c => mainThreads.Contains(c.Thread)).GroupBy(c => c.Thread))
        {
            var open = new Stack<(Slice Slice, string? Script, double Children)>();
            void Close()
            {
                var (slice, script, children) = open.Pop();
                var key = script is null ? slice.Name : $"{slice.Name} ({script})";
                var sum = self.GetValueOrDefault(key);
                self[key] = (sum.Microseconds + Math.Max(0, slice.ThreadDuration - children), sum.Count + 1);
            }
            foreach (var slice in thread.OrderBy(e => e.Start).ThenByDescending(e => e.Duration))
            {
                while (open.Count > 0 && open.Peek().Slice.Start + open.Peek().Slice.Duration <= slice.Start)
                    Close();
                string? script = slice.Script;
                if (open.Count > 0)
                {
                    var parent = open.Pop();
                    open.Push(parent with { Children = parent.Children + slice.ThreadDuration });
                    script ??= parent.Script;
                }
                open.Push((slice, script, 0));
            }
            while (open.Count > 0)
                Close();
        }
        return self.Select(s => new BrowserWork(s.Key, s.Value.Microseconds / 1e6, s.Value.Count))
            .OrderByDescending(w => w.SelfSeconds).ToList();
    }

    private sealed record Slice((long Pid, long Tid) Thread, double Start, double Duration, double ThreadDuration, string Name, string? Script);

    /// <summary>The file name of the script a FunctionCall or EvaluateScript event runs ("apexcharts.min.js").</summary>
    private static string? ScriptOf(JsonElement e) =>
        e.TryGetProperty("args", out var args) && args.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 } address
            ? address.Split('?')[0].Split('/')[^1]
            : null;
}
