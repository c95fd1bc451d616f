using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services;

public sealed record AuditFilter(string? Action = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>Writes and reads the audit log. Reading is for administrators only, checked here as well as on the page.</summary>
public sealed class AuditLog(IDbContextFactory<MentoringDbContext> contextFactory, ICurrentUser currentUser, IHttpContextAccessor httpContext, TimeProvider clock)
{
    /// <summary>Records an action of the signed-in user (or of <paramref name="actor"/> where nobody is signed in yet).</summary>
    public async Task WriteAsync(string action, string target, string details = "", string? actor = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        db.AuditEntries.Add(await EntryAsync(action, target, details, actor));
        await db.SaveChangesAsync();
    }

    /// <summary>An entry for the caller to add to its own context, so that it commits (or not) with the change it records.</summary>
    public async Task<AuditEntry> EntryAsync(string action, string target, string details = "", string? actor = null)
    {
        var user = await currentUser.GetAsync();
        const int maxDetails = 4000;
        return new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor ?? user.Identity?.Name ?? "—",
            Action = action,
            Target = target,
            Details = details.Length > maxDetails ? details[..maxDetails] + "…" : details,
            IpAddress = httpContext.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "",
        };
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditFilter filter, int limit = 1000)
    {
        if (!UserScope.From(await currentUser.GetAsync()).IsAdministrator)
            throw new UnauthorizedAccessException("Only administrators read the audit log.");
        await using var db = await contextFactory.CreateDbContextAsync();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
            query = query.Where(e => e.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.Actor))
            query = query.Where(e => e.Actor.Contains(filter.Actor));
        // SQLite stores DateTimeOffset as text; filtering and ordering by Id keeps to what it does well.
        var entries = await query.OrderByDescending(e => e.Id).Take(limit).ToListAsync();
        return entries
            .Where(e => filter.From is null || DateOnly.FromDateTime(e.At.UtcDateTime) >= filter.From)
            .Where(e => filter.To is null || DateOnly.FromDateTime(e.At.UtcDateTime) <= filter.To)
            .ToList();
    }
}
