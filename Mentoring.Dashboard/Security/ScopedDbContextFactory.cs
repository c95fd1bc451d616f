using Mentoring.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Security;

/// <summary>
/// The data services' one door to the database: each context it makes reads and saves only the signed-in user's
/// regions (<see cref="MentoringDbContext.LimitTo"/>) — every region for an administrator, their own for anyone else,
/// none for a visitor. Finer rules inside a region (which municipalities' schools a head sees by name) stay with
/// <c>TerritoryGuard</c>; what this adds is that no query, however new, can cross from one region into another.
/// An architecture test keeps the plain factory out of the data services and the pages.
/// </summary>
public sealed class ScopedDbContextFactory(IDbContextFactory<MentoringDbContext> contexts, ICurrentUser currentUser)
{
    public async Task<MentoringDbContext> CreateDbContextAsync(CancellationToken ct = default)
    {
        var filter = RegionFilter.For(UserScope.From(await currentUser.GetAsync()));
        var db = await contexts.CreateDbContextAsync(ct);
        db.LimitTo(filter);
        return db;
    }
}
