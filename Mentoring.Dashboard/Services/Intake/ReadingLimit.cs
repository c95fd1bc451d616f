using System.Diagnostics;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>
/// When the reading of an uploaded file must stop: its page went away (<see cref="OperationCanceledException"/>), or
/// it has taken longer than its budget (<see cref="TimeoutException"/>). The reader checks it as it goes; the time is
/// measured at each check, so a file is stopped the same way however busy the server's timers are.
/// </summary>
public sealed class ReadingLimit(TimeSpan budget, CancellationToken pageGone = default)
{
    private readonly long started = Stopwatch.GetTimestamp();

    /// <summary>No budget and no page: tests and tools that read a file to the end.</summary>
    public static ReadingLimit None => new(Timeout.InfiniteTimeSpan);

    public TimeSpan Budget => budget;

    public void Check()
    {
        pageGone.ThrowIfCancellationRequested();
        if (budget != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(started) > budget)
            throw new TimeoutException($"Reading took longer than {budget}.");
    }
}
