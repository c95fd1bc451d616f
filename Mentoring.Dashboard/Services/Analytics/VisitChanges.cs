using System.Security.Claims;
using System.Text.Json;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>What a territory's page showed a user: every figure's text per round, the rounds' states, the ranking.</summary>
public sealed record RegionSnapshot(
    Dictionary<string, string> Figures,
    string? RankingIndicator = null,
    int? RankingCampaign = null,
    Dictionary<int, int>? Places = null)
{
    /// <summary>Each figure's origin, kept beside its text so that a mark added later does not read as a change.</summary>
    public Dictionary<string, FigureOrigin>? Origins { get; init; }

    /// <summary>Each figure's headline number, to put the biggest changes first.</summary>
    public Dictionary<string, decimal>? Values { get; init; }

    /// <summary>Each round's state in words («идёт сбор», «закрыт неполным: сдали 43 из 127»).</summary>
    public Dictionary<int, string>? Rounds { get; init; }
}

/// <param name="Origin">Where the figure now comes from: «Что изменилось» states it with its mark.</param>
/// <param name="Size">How big the change is, to order by: percentage points for a share, per cent of the old value for a count.</param>
public sealed record ChangedFigure(string Campaign, string Indicator, string Slice, string Before, string After,
    FigureOrigin Origin = FigureOrigin.Published, decimal? Size = null)
{
    /// <summary>The new value as the list states it, with its origin in words: «43 ОО (неполный сбор)».</summary>
    public string AfterSaid => OriginText.Render(After, Origin, Medium.Sentence);
}

public sealed record ReportArrival(string Organisation, string Municipality, string Campaign, DateTimeOffset At);

public sealed record RankMove(string Municipality, int Before, int After);

/// <summary>A round opened, closed or reopened since: «идёт сбор → закрыт неполным: сдали 43 из 127».</summary>
public sealed record RoundChange(string Campaign, string? Before, string After);

/// <summary>«Что изменилось» since the user's last visit to a territory's page, or since their visit on a chosen day.</summary>
public sealed record ChangesSinceVisit(
    DateTimeOffset Since,
    IReadOnlyList<ChangedFigure> Figures,
    IReadOnlyList<ReportArrival> Arrivals,
    string? RankingIndicator,
    IReadOnlyList<RankMove> Moves)
{
    public const int Biggest = 5;

    public IReadOnlyList<RoundChange> Rounds { get; init; } = [];

    public bool IsEmpty => Figures.Count == 0 && Arrivals.Count == 0 && Moves.Count == 0 && Rounds.Count == 0;

    /// <summary>The changes to read first: the biggest changes of figures that had a value before.</summary>
    public IReadOnlyList<ChangedFigure> BiggestFigures =>
        Figures.Where(f => f.Size is not null).OrderByDescending(f => f.Size).Take(Biggest).ToList();

    /// <summary>Figures that appeared, or went, since (a round's first reports): counted in the summary, listed in full below.</summary>
    public int AppearedOrGone => Figures.Count(f => f.Size is null);
}

/// <summary>
/// Records a visit to a territory's page and tells what changed since the previous one (or since the user's visit on
/// a chosen day). Everything it reads goes through <see cref="MonitoringQueries"/> (the user's scope); reports that
/// arrived are listed only where the user may see the organisations, and within the territory.
/// </summary>
public sealed class VisitChanges(ScopedDbContextFactory contextFactory, MonitoringQueries queries, TerritoryGuard guard,
    ICurrentUser currentUser, TimeProvider clock)
{
    public const int MaxListed = 30;

    /// <summary>How many days back visits are kept per user and page.</summary>
    public const int DaysKept = 60;

    /// <summary>The changes since the last visit (null on the first visit), and this visit recorded as the last.</summary>
    public async Task<ChangesSinceVisit?> RecordVisitAsync(TerritoryRef territory, CancellationToken ct = default)
    {
        if (await UserIdAsync() is not { } userId)
            return null;
        var (regionId, campaigns, snapshot) = await CurrentAsync(territory, ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var last = await Visits(db, userId, territory).OrderByDescending(v => v.Day).FirstOrDefaultAsync(ct);
        var changes = last is null ? null : await CompareAsync(db, territory, Read(last), last.SeenAt, snapshot, campaigns, ct);
        var visit = last is { } l && l.Day == today ? l : null;
        if (visit is null)
            db.RegionVisits.Add(visit = new RegionVisit { UserId = userId, RegionId = regionId, Level = territory.Level, TerritoryId = territory.Id, Day = today });
        visit.SeenAt = now;
        visit.SnapshotJson = JsonSerializer.Serialize(snapshot);
        try
        {
            await db.SaveChangesAsync(ct);
            // Older days go in one statement, without reading their snapshots.
            var oldest = today.AddDays(-DaysKept);
            await Visits(db, userId, territory).Where(v => v.Day < oldest).ExecuteDeleteAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same user opened the page in another tab at the same moment: that visit is recorded.
        }
        return changes;
    }

    /// <summary>
    /// The changes since the user's visit on <paramref name="day"/> (their last one that day or before); null when they
    /// had not visited by then. Records nothing.
    /// </summary>
    public async Task<ChangesSinceVisit?> SinceAsync(TerritoryRef territory, DateOnly day, CancellationToken ct = default)
    {
        if (await UserIdAsync() is not { } userId)
            return null;
        var (_, campaigns, snapshot) = await CurrentAsync(territory, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var visit = await Visits(db, userId, territory).Where(v => v.Day <= day).OrderByDescending(v => v.Day).FirstOrDefaultAsync(ct);
        return visit is null ? null : await CompareAsync(db, territory, Read(visit), visit.SeenAt, snapshot, campaigns, ct);
    }

    /// <summary>The first day the user visited the page (the earliest «с даты» has an answer for).</summary>
    public async Task<DateOnly?> FirstVisitAsync(TerritoryRef territory, CancellationToken ct = default)
    {
        if (await UserIdAsync() is not { } userId)
            return null;
        await RegionOfAsync(territory, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await Visits(db, userId, territory).OrderBy(v => v.Day).Select(v => (DateOnly?)v.Day).FirstOrDefaultAsync(ct);
    }

    private async Task<string?> UserIdAsync() => (await currentUser.GetAsync()).FindFirstValue(ClaimTypes.NameIdentifier);

    private static IQueryable<RegionVisit> Visits(MentoringDbContext db, string userId, TerritoryRef territory) =>
        db.RegionVisits.Where(v => v.UserId == userId && v.Level == territory.Level && v.TerritoryId == territory.Id);

    private static RegionSnapshot Read(RegionVisit visit) => JsonSerializer.Deserialize<RegionSnapshot>(visit.SnapshotJson) ?? new RegionSnapshot([]);

    /// <summary>The territory's region, asked through the queries: a territory the user may not see is refused here.</summary>
    private async Task<int> RegionOfAsync(TerritoryRef territory, CancellationToken ct) => territory.Level switch
    {
        ObservationLevel.Region => (await queries.GetRegionAsync(territory.Id, ct)).Id,
        ObservationLevel.Municipality => (await queries.GetMunicipalityAsync(territory.Id, ct))?.RegionId ?? throw new TerritoryAccessDeniedException(),
        _ => (await queries.GetOrganisationAsync(territory.Id, ct))?.RegionId ?? throw new TerritoryAccessDeniedException(),
    };

    private async Task<(int RegionId, IReadOnlyList<CampaignInfo> Campaigns, RegionSnapshot Snapshot)> CurrentAsync(TerritoryRef territory, CancellationToken ct)
    {
        var regionId = await RegionOfAsync(territory, ct);
        var campaigns = await queries.GetCampaignsAsync(regionId, ct);
        return (regionId, campaigns, await SnapshotAsync(regionId, territory, campaigns, ct));
    }

    private async Task<ChangesSinceVisit> CompareAsync(MentoringDbContext db, TerritoryRef territory, RegionSnapshot before, DateTimeOffset since,
        RegionSnapshot after, IReadOnlyList<CampaignInfo> campaigns, CancellationToken ct) =>
        new(since, FigureChanges(before, after, campaigns), await ArrivalsAsync(db, territory, campaigns, since, ct), after.RankingIndicator,
            await MovesAsync(db, before, after, ct))
        {
            Rounds = RoundChanges(before, after, campaigns),
        };

    private async Task<RegionSnapshot> SnapshotAsync(int regionId, TerritoryRef territory, IReadOnlyList<CampaignInfo> campaigns, CancellationToken ct)
    {
        var figures = new Dictionary<string, string>();
        var origins = new Dictionary<string, FigureOrigin>();
        var values = new Dictionary<string, decimal>();
        foreach (var campaign in campaigns)
            foreach (var indicator in await queries.GetFiguresAsync(campaign.Id, territory, ct))
                foreach (var slice in indicator.Slices)
                {
                    var key = Key(campaign.Id, slice);
                    figures[key] = Text(slice);
                    origins[key] = slice.Origin;
                    if (slice.Shown?.Headline(indicator.Indicator.Kind) is { } value)
                        values[key] = value;
                }
        var rounds = campaigns.ToDictionary(c => c.Id, RoundState);

        // The ranking the region page opens with: the latest closed round's first comparable indicator, for users who see it.
        if (territory.Level != ObservationLevel.Region
            || CampaignInfo.Pick(campaigns, null) is not { } shown
            || await queries.GetAccessAsync(territory, ct) != TerritoryAccess.Detail
            || (await queries.GetComparableIndicatorsAsync(regionId, shown.Id, ct)).FirstOrDefault() is not { } ranked)
            return new RegionSnapshot(figures) { Origins = origins, Values = values, Rounds = rounds };
        var rows = (await queries.GetMunicipalityRowsAsync(regionId, shown.Id, ranked.Code, ct)).Select(r => ComparisonRow.From(r)).ToList();
        return new RegionSnapshot(figures, ranked.Code, shown.Id, ComparisonRow.Places(rows)) { Origins = origins, Values = values, Rounds = rounds };
    }

    private static string RoundState(CampaignInfo campaign) => campaign.State switch
    {
        CampaignState.Collecting => "идёт сбор",
        CampaignState.Closed when campaign.IsPartial => $"закрыт неполным: {campaign.ReportedText}",
        CampaignState.Closed => "закрыт",
        _ => "черновик",
    };

    private static string Key(int campaignId, SliceFigure slice) => $"{campaignId}|{slice.Indicator.Code}|{slice.Kind}|{slice.Group}";

    private static string Text(SliceFigure slice) =>
        FigureText.Detail(slice) is { Length: > 0 } detail ? $"{FigureText.Headline(slice)} ({detail})" : FigureText.Headline(slice);

    private static string Title(CampaignInfo campaign) => $"{campaign.Title} ({Format.Date(campaign.AsOf)})";

    private static List<RoundChange> RoundChanges(RegionSnapshot before, RegionSnapshot after, IReadOnlyList<CampaignInfo> campaigns) =>
        before.Rounds is null || after.Rounds is null
            ? [] // a visit recorded before rounds were kept: nothing to compare with
            : campaigns.Where(c => after.Rounds.TryGetValue(c.Id, out var now) && before.Rounds.GetValueOrDefault(c.Id) != now)
                .Select(c => new RoundChange(Title(c), before.Rounds.GetValueOrDefault(c.Id), after.Rounds[c.Id]))
                .ToList();

    private static List<ChangedFigure> FigureChanges(RegionSnapshot before, RegionSnapshot after, IReadOnlyList<CampaignInfo> campaigns)
    {
        var titles = campaigns.ToDictionary(c => c.Id, Title);
        return after.Figures.Keys.Union(before.Figures.Keys)
            .Select(key => (Key: key.Split('|'), Joined: key, Before: before.Figures.GetValueOrDefault(key), After: after.Figures.GetValueOrDefault(key)))
            .Where(c => c.Before != c.After && int.TryParse(c.Key[0], out var id) && titles.ContainsKey(id)
                        && Domain.Indicators.IndicatorCatalogue.TryGet(c.Key[1], out _))
            .Select(c =>
            {
                var indicator = Domain.Indicators.IndicatorCatalogue.Get(c.Key[1]);
                return new ChangedFigure(titles[int.Parse(c.Key[0])], indicator.ShortName,
                    Format.Slice(Enum.TryParse<Domain.Territories.OrganisationKind>(c.Key[2], out var k) ? k : null,
                        Enum.TryParse<Domain.Territories.MunicipalityGroup>(c.Key[3], out var g) ? g : null),
                    c.Before ?? Format.NoData, c.After ?? Format.NoData, after.Origins?.GetValueOrDefault(c.Joined) ?? FigureOrigin.Published,
                    // A figure shown as «нет данных» on either side appeared or went: there is no change to measure.
                    c.Before is null or Format.NoData || c.After is null or Format.NoData ? null
                        : Size(indicator, before.Values?.GetValueOrDefault(c.Joined), after.Values?.GetValueOrDefault(c.Joined)));
            })
            .ToList();
    }

    /// <summary>Percentage points for shares and yes/no facts; per cent of the old value for counts; null without both values.</summary>
    private static decimal? Size(Domain.Indicators.Indicator indicator, decimal? before, decimal? after) =>
        before is not { } b || after is not { } a ? null
        : indicator.Kind is Domain.Indicators.IndicatorKind.Share or Domain.Indicators.IndicatorKind.Fact ? Math.Abs(a - b)
        : Math.Abs(a - b) / Math.Max(Math.Abs(b), 1) * 100;

    /// <summary>Reports submitted since <paramref name="since"/> in the region's rounds, within the territory and the user's sight.</summary>
    private async Task<List<ReportArrival>> ArrivalsAsync(MentoringDbContext db, TerritoryRef territory, IReadOnlyList<CampaignInfo> campaigns,
        DateTimeOffset since, CancellationToken ct)
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
        if (territory.Level == ObservationLevel.Municipality)
            submitted = submitted.Where(s => s.MunicipalityId == territory.Id);
        else if (territory.Level == ObservationLevel.Organisation)
            submitted = submitted.Where(s => s.Id == territory.Id);
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
