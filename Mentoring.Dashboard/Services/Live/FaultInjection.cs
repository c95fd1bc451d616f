namespace Mentoring.Dashboard.Services.Live;

/// <summary>
/// Test-only faults an instance can be started with (configuration section «FaultInjection»): the tests of exactly-once
/// notification kill an instance between a write's commit and everything it does afterwards.
/// </summary>
public sealed class FaultInjection(IConfiguration configuration)
{
    private readonly bool killAfterCommit = configuration.GetValue<bool>("FaultInjection:KillAfterCommit");

    public void AfterCommit()
    {
        if (killAfterCommit)
            System.Diagnostics.Process.GetCurrentProcess().Kill(); // as abrupt as «kill -9»
    }
}
