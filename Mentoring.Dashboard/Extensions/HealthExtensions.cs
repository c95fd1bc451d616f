using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mentoring.Dashboard.Extensions;

public static class HealthExtensions
{
    /// <summary>
    /// GET /health for load balancers and operators: 200 when the database answers and the figure change feed is
    /// connected, 503 otherwise, with each check's state as JSON, e.g.
    /// {"status":"Healthy","checks":{"database":{"status":"Healthy"},"feed":{"status":"Healthy","description":"…"}}}.
    /// </summary>
    public static IEndpointConventionBuilder MapMentoringHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
    }
}
