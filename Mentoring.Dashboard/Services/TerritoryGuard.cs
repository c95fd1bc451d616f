using Mentoring.Dashboard.Security;
using Mentoring.Domain.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// The server-side check every data service makes before returning figures: resolves where a territory sits and
/// asks the framework's authorization (resource-based) whether the signed-in user may see it. A territory that does
/// not exist is denied the same way as one out of scope, so ids reveal nothing.
/// </summary>
public sealed class TerritoryGuard(ScopedDbContextFactory contextFactory, IAuthorizationService authorization, ICurrentUser currentUser, TimeProvider time)
{
    public async Task<UserScope> ScopeAsync() => UserScope.From(await currentUser.GetAsync());

    public async Task<TerritoryAccess> AccessAsync(TerritoryRef territory, CancellationToken ct = default)
    {
        var path = await PathAsync(territory, ct);
        return path is null ? TerritoryAccess.None : AccessRules.For(await ScopeAsync(), path);
    }

    /// <summary>Throws <see cref="TerritoryAccessDeniedException"/> unless the user has at least the required access.</summary>
    public async Task<TerritoryPath> DemandAsync(TerritoryRef territory, TerritoryAccessRequirement requirement, CancellationToken ct = default)
    {
        var path = await PathAsync(territory, ct) ?? throw new TerritoryAccessDeniedException();
        var result = await authorization.AuthorizeAsync(await currentUser.GetAsync(), path, requirement);
        return result.Succeeded ? path : throw new TerritoryAccessDeniedException();
    }

    /// <summary>Also checks that the campaign is one of the territory's region.</summary>
    public async Task DemandAsync(int campaignId, TerritoryRef territory, TerritoryAccessRequirement requirement, CancellationToken ct = default)
    {
        var path = await DemandAsync(territory, requirement, ct);
        // A draft is seen only by those who prepare it: everyone else learns nothing of it, through any page or export.
        var seesDrafts = IntakeRules.MayManageCampaigns(await ScopeAsync(), path.RegionId);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId && c.RegionId == path.RegionId && (seesDrafts || c.State != CampaignState.Draft), ct))
            throw new TerritoryAccessDeniedException();
    }

    /// <summary>Before a write: the account must still be the one that signed in (see <see cref="AccountStamp"/>).</summary>
    public async Task<bool> IsAccountCurrentAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await AccountStamp.IsCurrentAsync(db.Users, await currentUser.GetAsync(), time.GetUtcNow(), ct);
    }

    public async Task DemandCurrentAccountAsync(CancellationToken ct = default)
    {
        if (!await IsAccountCurrentAsync(ct))
            throw new TerritoryAccessDeniedException();
    }

    /// <summary>Municipalities of the region whose organisations the user may see by name.</summary>
    public async Task<IReadOnlySet<int>> MunicipalitiesInDetailAsync(int regionId, CancellationToken ct = default)
    {
        var scope = await ScopeAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ids = await db.Municipalities.Where(m => m.RegionId == regionId).Select(m => m.Id).ToListAsync(ct);
        return ids.Where(id => AccessRules.For(scope, new TerritoryPath(regionId, id)) == TerritoryAccess.Detail).ToHashSet();
    }

    /// <summary>Regions the user may see at all: every region is an administrator's alone, and says so.</summary>
    public async Task<RegionFilter> VisibleRegionsAsync() => RegionFilter.For(await ScopeAsync());

    private async Task<TerritoryPath?> PathAsync(TerritoryRef territory, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return territory.Level switch
        {
            ObservationLevel.Region => await db.Regions.AnyAsync(r => r.Id == territory.Id, ct) ? new TerritoryPath(territory.Id) : null,
            ObservationLevel.Municipality => await db.Municipalities.Where(m => m.Id == territory.Id)
                .Select(m => new TerritoryPath(m.RegionId, m.Id, null)).FirstOrDefaultAsync(ct),
            _ => await db.Organisations.Where(o => o.Id == territory.Id)
                .Select(o => new TerritoryPath(o.Municipality.RegionId, o.MunicipalityId, o.Id)).FirstOrDefaultAsync(ct),
        };
    }
}
