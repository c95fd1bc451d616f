using Mentoring.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Live;

/// <summary>
/// Figures of these organisations (and so of their municipalities and region) changed in a campaign, which is now at
/// <see cref="Version"/> (<see cref="CampaignVersion"/>).
/// </summary>
public sealed record FigureChange(int CampaignId, int RegionId, IReadOnlySet<int> MunicipalityIds, IReadOnlySet<int> OrganisationIds)
{
    public long Version { get; init; }

    /// <summary>Every figure of the campaign (its state changed, or its changes went unheard): every page of its region reloads.</summary>
    public static async Task<FigureChange> WholeCampaignAsync(MentoringDbContext db, int campaignId, int regionId, CancellationToken ct = default)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Municipality.RegionId == regionId)
            .Select(o => new { o.Id, o.MunicipalityId }).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == regionId).Select(m => m.Id).ToListAsync(ct);
        return new FigureChange(campaignId, regionId, municipalities.ToHashSet(), organisations.Select(o => o.Id).ToHashSet());
    }
}
