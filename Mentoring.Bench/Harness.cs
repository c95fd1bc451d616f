using System.Diagnostics;
using System.Globalization;

namespace Mentoring.Bench;

/// <summary>Timings of one measured operation, in milliseconds.</summary>
public sealed record Timing(string Name, IReadOnlyList<double> Milliseconds)
{
    public double Median => Percentile(0.5);
    public double P95 => Percentile(0.95);
    public double Max => Milliseconds.Max();

    private double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        var rank = Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1);
        return sorted[rank];
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}

/// <summary>
/// A small timing harness: warm-up runs, then timed runs with median, p95 and max. Used instead of BenchmarkDotNet
/// because most measurements here are of whole processes, browsers and HTTP round trips, not of a method.
/// </summary>
public static class Harness
{
    public static async Task<Timing> MeasureAsync(string name, Func<Task> operation, int iterations, int warmup = 3)
    {
        for (var i = 0; i < warmup; i++)
            await operation();
        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new Timing(name, times);
    }
}
