using System.Security.Claims;
using System.Text.Json;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>What a region page showed a user: every figure's text per round, and the places in the default ranking.</summary>
public sealed record RegionSnapshot(
    Dictionary<string, string> Figures,
    string? RankingIndicator = null,
    int? RankingCampaign = null,
    Dictionary<int, int>? Places = null)
{
    /// <summary>Each figure's origin, kept beside its text so that a mark added later does not read as a change.</summary>
    public Dictionary<string, FigureOrigin>? Origins { get; init; }
}

/// <param name="Origin">Where the figure now comes from: «Что изменилось» states it with its mark.</param>
public sealed record ChangedFigure(string Campaign, string Indicator, string Slice, string Before, string After, FigureOrigin Origin = FigureOrigin.Published)
{
    /// <summary>The new value as the list states it, with its origin in words: «43 ОО (неполный сбор)».</summary>
    public string AfterSaid => OriginText.Render(After, Origin, Medium.Sentence);
}

public sealed record ReportArrival(string Organisation, string Municipality, string Campaign, DateTimeOffset At);

public sealed record RankMove(string Municipality, int Before, int After);

/// <summary>«Что изменилось» since the user's last visit to the region's page.</summary>
public sealed record ChangesSinceVisit(
    DateTimeOffset Since,
    IReadOnlyList<ChangedFigure> Figures,
    IReadOnlyList<ReportArrival> Arrivals,
    string? RankingIndicator,
    IReadOnlyList<RankMove> Moves)
{
    public bool IsEmpty => Figures.Count == 0 && Arrivals.Count == 0 && Moves.Count == 0;
}

/// <summary>
/// Records a visit to a region's page and tells what changed since the previous one. Everything it reads goes through
/// <see cref="MonitoringQueries"/> (the user's scope); reports that arrived are listed only where the user may see
/// the organisations (their own school, their municipality, or the whole region).
/// </summary>
public sealed class VisitChanges(ScopedDbContextFactory contextFactory, MonitoringQueries queries, TerritoryGuard guard,
    ICurrentUser currentUser, TimeProvider clock)
{
    public const int MaxListed = 30;

    /// <summary>The changes since the last visit (null on the first visit), and this visit recorded as the last.</summary>
    public async Task<ChangesSinceVisit?> RecordVisitAsync(int regionId, CancellationToken ct = default)
    {
        if ((await currentUser.GetAsync()).FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            return null;
        var campaigns = await queries.GetCampaignsAsync(regionId, ct);
        var now = clock.GetUtcNow();
        var snapshot = await SnapshotAsync(regionId, campaigns, ct);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var visit = await db.RegionVisits.FirstOrDefaultAsync(v => v.UserId == userId && v.RegionId == regionId, ct);
        ChangesSinceVisit? changes = null;
        if (visit is null)
            db.RegionVisits.Add(visit = new RegionVisit { UserId = userId, RegionId = regionId });
        else
        {
            var before = JsonSerializer.Deserialize<RegionSnapshot>(visit.SnapshotJson) ?? new RegionSnapshot([]);
            changes = new ChangesSinceVisit(visit.SeenAt,
                FigureChanges(before, snapshot, campaigns),
                await ArrivalsAsync(db, campaigns, visit.SeenAt, ct),
                snapshot.RankingIndicator,
                await MovesAsync(db, before, snapshot, ct));
        }
        visit.SeenAt = now;
        visit.SnapshotJson = JsonSerializer.Serialize(snapshot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same user opened the page in another tab at the same moment: that visit is recorded.
        }
        return changes;
    }

    private async Task<RegionSnapshot> SnapshotAsync(int regionId, IReadOnlyList<CampaignInfo> campaigns, CancellationToken ct)
    {
        var figures = new Dictionary<string, string>();
        var origins = new Dictionary<string, FigureOrigin>();
        foreach (var campaign in campaigns)
            foreach (var indicator in await queries.GetFiguresAsync(campaign.Id, TerritoryRef.Region(regionId), ct))
                foreach (var slice in indicator.Slices)
                {
                    figures[Key(campaign.Id, slice)] = Text(slice);
                    origins[Key(campaign.Id, slice)] = slice.Origin;
                }

        // The ranking the page opens with: the latest closed round's first comparable indicator, for users who see it.
        if (CampaignInfo.Pick(campaigns, null) is not { } shown
            || await queries.GetAccessAsync(TerritoryRef.Region(regionId), ct) != TerritoryAccess.Detail
            || (await queries.GetComparableIndicatorsAsync(regionId, shown.Id, ct)).FirstOrDefault() is not { } ranked)
            return new RegionSnapshot(figures) { Origins = origins };
        var rows = (await queries.GetMunicipalityRowsAsync(regionId, shown.Id, ranked.Code, ct)).Select(r => ComparisonRow.From(r)).ToList();
        return new RegionSnapshot(figures, ranked.Code, shown.Id, ComparisonRow.Places(rows)) { Origins = origins };
    }

    private static string Key(int campaignId, SliceFigure slice) => $"{campaignId}|{slice.Indicator.Code}|{slice.Kind}|{slice.Group}";

    private static string Text(SliceFigure slice) =>
        FigureText.Detail(slice) is { Length: > 0 } detail ? $"{FigureText.Headline(slice)} ({detail})" : FigureText.Headline(slice);

    private static List<ChangedFigure> FigureChanges(RegionSnapshot before, RegionSnapshot after, IReadOnlyList<CampaignInfo> campaigns)
    {
        var titles = campaigns.ToDictionary(c => c.Id, c => $"{c.Title} ({Format.Date(c.AsOf)})");
        return after.Figures.Keys.Union(before.Figures.Keys)
            .Select(key => (Key: key.Split('|'), Before: before.Figures.GetValueOrDefault(key), After: after.Figures.GetValueOrDefault(key)))
            .Where(c => c.Before != c.After && int.TryParse(c.Key[0], out var id) && titles.ContainsKey(id)
                        && Domain.Indicators.IndicatorCatalogue.TryGet(c.Key[1], out _))
            .Select(c => new ChangedFigure(titles[int.Parse(c.Key[0])], Domain.Indicators.IndicatorCatalogue.Get(c.Key[1]).ShortName,
                Format.Slice(Enum.TryParse<Domain.Territories.OrganisationKind>(c.Key[2], out var k) ? k : null,
                    Enum.TryParse<Domain.Territories.MunicipalityGroup>(c.Key[3], out var g) ? g : null),
                c.Before ?? Format.NoData, c.After ?? Format.NoData, after.Origins?.GetValueOrDefault(string.Join('|', c.Key)) ?? FigureOrigin.Published))
            .ToList();
    }

    /// <summary>Reports submitted since <paramref name="since"/> in the region's rounds, among the organisations the user may see.</summary>
    private async Task<List<ReportArrival>> ArrivalsAsync(MentoringDbContext db, IReadOnlyList<CampaignInfo> campaigns, DateTimeOffset since, CancellationToken ct)
    {
        var scope = await guard.ScopeAsync();
        var ids = campaigns.Select(c => c.Id).ToList();
        var submitted = db.Submissions.AsNoTracking()
            .Where(s => ids.Contains(s.CampaignId) && s.State == SubmissionState.Submitted)
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s.CampaignId, s.SubmittedAt, o.Id, o.Name, o.MunicipalityId, Municipality = o.Municipality.Name });
        if (scope.OrganisationId is { } organisation)
            submitted = submitted.Where(s => s.Id == organisation);
        else if (scope.MunicipalityId is { } municipality)
            submitted = submitted.Where(s => s.MunicipalityId == municipality);
        // DateTimeOffset comparisons are not translated on SQLite: the few reports of a region's open rounds are filtered here.
        var titles = campaigns.ToDictionary(c => c.Id, c => c.Title);
        return (await submitted.ToListAsync(ct))
            .Where(s => s.SubmittedAt > since)
            .OrderByDescending(s => s.SubmittedAt)
            .Select(s => new ReportArrival(s.Name, s.Municipality, titles[s.CampaignId], s.SubmittedAt!.Value))
            .ToList();
    }

    private static async Task<List<RankMove>> MovesAsync(MentoringDbContext db, RegionSnapshot before, RegionSnapshot after, CancellationToken ct)
    {
        if (before.Places is null || after.Places is null || before.RankingIndicator != after.RankingIndicator || before.RankingCampaign != after.RankingCampaign)
            return [];
        var moved = after.Places.Where(p => before.Places.TryGetValue(p.Key, out var was) && was != p.Value).ToList();
        if (moved.Count == 0)
            return [];
        var ids = moved.Select(m => m.Key).ToList();
        var names = await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return moved.Select(m => new RankMove(names[m.Key], before.Places[m.Key], m.Value))
            .OrderBy(m => m.After).ThenBy(m => m.Municipality, NaturalOrder.Instance)
            .ToList();
    }
}
