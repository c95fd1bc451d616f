using Mentoring.Dashboard.Model;

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>
/// A page model's host without a page: its "dispatcher" runs work at once, cancelled work is dropped as a page drops
/// it, and re-renders are counted.
/// </summary>
public sealed class TestModelHost : IModelHost
{
    private int refreshes;

    public int Refreshes => Volatile.Read(ref refreshes);

    public Task InvokeAsync(Func<Task> work) => work();

    public void RunInBackground(Func<Task> work) => _ = Run(work);

    public void Refresh() => Interlocked.Increment(ref refreshes);

    /// <summary>Waits for what a model's background work does once the fake clock has let it run.</summary>
    public static async Task Until(Func<bool> condition)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "The model's background work did not happen within 10 s.");
            await Task.Delay(10);
        }
    }

    private static async Task Run(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
