namespace Mentoring.Dashboard.Extensions;

/// <summary>
/// Holds every request until the database is filled (on first start, with the demo data), except those whose
/// endpoint is marked <see cref="ServedWhileStartingAttribute"/>: the sign-in page and the static files it needs. So a
/// first start shows the sign-in page without waiting for the data, and nothing that reads the data runs before it
/// is there. A new page waits unless it is marked. If filling fails, requests get that failure and the app stops.
/// </summary>
public sealed class StartupGate(RequestDelegate next, Task databaseFilled)
{
    public Task InvokeAsync(HttpContext context) =>
        databaseFilled.IsCompletedSuccessfully || ServedWhileStarting(context)
            ? next(context)
            : WaitThenServeAsync(context);

    private async Task WaitThenServeAsync(HttpContext context)
    {
        await databaseFilled.WaitAsync(context.RequestAborted);
        await next(context);
    }

    // A GET only: the sign-in form's post reads the accounts.
    private static bool ServedWhileStarting(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.GetEndpoint()?.Metadata.GetMetadata<ServedWhileStartingAttribute>() is not null;
}

/// <summary>A page or file that reads nothing the first start writes, served while the database is being filled.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ServedWhileStartingAttribute : Attribute;

public static class StartupGateExtensions
{
    /// <summary>
    /// After the routing the app adds before its middleware (so each request's endpoint is known). Stops the app when
    /// filling fails, with its reason in the log, as a failure at start did before the filling ran alongside.
    /// </summary>
    public static WebApplication UseStartupGate(this WebApplication app, Task databaseFilled)
    {
        databaseFilled.ContinueWith(failed =>
        {
            app.Logger.LogCritical(failed.Exception?.GetBaseException(), "The database could not be filled; the dashboard stops");
            app.Lifetime.StopApplication();
        }, TaskContinuationOptions.OnlyOnFaulted);
        app.UseMiddleware<StartupGate>(databaseFilled);
        return app;
    }
}
