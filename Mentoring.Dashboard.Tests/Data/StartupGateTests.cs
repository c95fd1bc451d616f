using Mentoring.Dashboard.Components.Account;
using Mentoring.Dashboard.Extensions;
using Microsoft.AspNetCore.Http;

namespace Mentoring.Dashboard.Tests.Data;

/// <summary>
/// On first start the app serves the sign-in page while it writes the demo data (<see cref="StartupGate"/>): what may
/// go ahead, what waits for the data, and what a failed filling does to the requests that waited.
/// </summary>
public class StartupGateTests
{
    private static readonly Endpoint SignInPage = new(null, new EndpointMetadataCollection(new ServedWhileStartingAttribute()), "sign-in");
    private static readonly Endpoint RegionPage = new(null, EndpointMetadataCollection.Empty, "region");

    [Theory]
    [InlineData("GET", true, true)]
    [InlineData("HEAD", true, true)]
    [InlineData("POST", true, false)] // the sign-in form's post reads the accounts
    [InlineData("GET", false, false)]
    public async Task WhileTheDataIsWritten_OnlyAGetOfAMarkedEndpointGoesAhead(string method, bool marked, bool servedAtOnce)
    {
        var filled = new TaskCompletionSource();
        var served = new List<string>();
        var gate = new StartupGate(context => { served.Add(context.Request.Method); return Task.CompletedTask; }, filled.Task);

        var request = gate.InvokeAsync(Request(method, marked ? SignInPage : RegionPage));
        Assert.Equal(servedAtOnce, request.IsCompleted);

        filled.SetResult();
        await request;
        Assert.Equal([method], served);
    }

    [Fact]
    public async Task OnceFilled_EveryRequestGoesAhead()
    {
        var served = 0;
        var gate = new StartupGate(_ => { served++; return Task.CompletedTask; }, Task.CompletedTask);

        await gate.InvokeAsync(Request("POST", RegionPage));

        Assert.Equal(1, served);
    }

    [Fact]
    public async Task AFailedFilling_ReachesTheWaitingRequest_AndNothingIsServed()
    {
        var filled = new TaskCompletionSource();
        var served = 0;
        var gate = new StartupGate(_ => { served++; return Task.CompletedTask; }, filled.Task);

        var request = gate.InvokeAsync(Request("GET", RegionPage));
        filled.SetException(new InvalidOperationException("disk full"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => request);
        Assert.Equal("disk full", failure.Message);
        Assert.Equal(0, served);
    }

    [Fact]
    public async Task AVisitorWhoLeaves_StopsWaiting()
    {
        var gate = new StartupGate(_ => Task.CompletedTask, new TaskCompletionSource().Task);
        using var leaving = new CancellationTokenSource();
        var context = Request("GET", RegionPage);
        context.RequestAborted = leaving.Token;

        var request = gate.InvokeAsync(context);
        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }

    /// <summary>Of the pages, only the sign-in page is served while starting: every other one reads the data.</summary>
    [Fact]
    public void OnlyTheSignInPage_IsMarked()
    {
        var marked = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(ServedWhileStartingAttribute), inherit: false));

        Assert.Equal([typeof(Login)], marked);
    }

    private static DefaultHttpContext Request(string method, Endpoint endpoint)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.SetEndpoint(endpoint);
        return context;
    }
}
