using System.Globalization;
using System.Security.Claims;
using Mentoring.Dashboard.Security;

namespace Mentoring.Dashboard.Tests.Infrastructure;

public static class TestUsers
{
    public static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public static ClaimsPrincipal For(string role, int? region = null, int? municipality = null, int? organisation = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, role + "@test"), new(ClaimTypes.Role, role) };
        void Add(string type, int? id)
        {
            if (id is { } value)
                claims.Add(new Claim(type, value.ToString(CultureInfo.InvariantCulture)));
        }
        Add(ApplicationClaimsFactory.RegionId, region);
        Add(ApplicationClaimsFactory.MunicipalityId, municipality);
        Add(ApplicationClaimsFactory.OrganisationId, organisation);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}

/// <summary>A fixed user, for calling the data services as that user.</summary>
public sealed class FixedUser(ClaimsPrincipal user) : ICurrentUser
{
    public Task<ClaimsPrincipal> GetAsync() => Task.FromResult(user);
}

/// <summary>A logger that keeps what it was told, for tests that a failure is on record.</summary>
public sealed class RecordingLogger<T> : Microsoft.Extensions.Logging.ILogger<T>
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
        Exception? exception, Func<TState, Exception?, string> formatter) => Entries.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
