using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services;

/// <summary>How far a round collected in the system got: organisations submitted of those asked.</summary>
internal sealed record CampaignCompleteness(int CampaignId, int Reported, int Expected);

public sealed record MunicipalityInfo(int Id, string Name, MunicipalityKind Kind, int RegionId, string RegionName);

public sealed record OrganisationInfo(
    int Id, string Name, OrganisationKind Kind, bool IsSynthetic, int MunicipalityId, string MunicipalityName, int RegionId, string RegionName);

/// <summary>One municipality's figure of the selected indicator, for the comparison table and chart.</summary>
public sealed record MunicipalityRow(int Id, string Name, MunicipalityKind Kind, int Organisations, IndicatorFigures Figures);

/// <summary>One organisation's figures for its municipality's table.</summary>
public sealed record OrganisationRow(int Id, string Name, OrganisationKind Kind, bool IsSynthetic, IReadOnlyDictionary<string, Figure> Figures)
{
    /// <summary>Indicators whose figure of this organisation the demo generator made (Anapa's named schools, generated ✓/✗).</summary>
    public IReadOnlySet<string> SyntheticCodes { get; init; } = new HashSet<string>();
}

/// <summary>
/// Read side of the dashboard. Every method first checks the signed-in user's access to the territory through
/// <see cref="TerritoryGuard"/> (pages hiding things is not the security). Every aggregation runs in the database
/// (grouped sums), then the domain's rules turn sums into figures. A context per call: Blazor Server circuits must
/// not share one (STYLE.md).
/// </summary>
public sealed class MonitoringQueries(ScopedDbContextFactory contextFactory, TerritoryGuard guard, Live.SharedFigures shared)
{
    /// <summary>How much of the territory the user may see (for the UI's choices; every query still checks).</summary>
    public Task<TerritoryAccess> GetAccessAsync(TerritoryRef territory, CancellationToken ct = default) => guard.AccessAsync(territory, ct);

    public async Task<IReadOnlyList<RegionSummary>> GetRegionsAsync(CancellationToken ct = default)
    {
        return await SummariesAsync(await guard.VisibleRegionsAsync(), ct);
    }

    public async Task<RegionSummary> GetRegionAsync(int regionId, CancellationToken ct = default)
    {
        await guard.DemandAsync(TerritoryRef.Region(regionId), TerritoryAccessRequirement.Aggregates, ct);
        return (await SummariesAsync(RegionFilter.Only(regionId), ct)).Single();
    }

    /// <summary>The regions of a filter (checked by the caller) with their counts, campaigns and indicators.</summary>
    private async Task<IReadOnlyList<RegionSummary>> SummariesAsync(RegionFilter filter, CancellationToken ct)
    {
        if (filter.IsEmpty)
            return [];
        var (everyRegion, regionIds) = (filter.EveryRegion, filter.Ids);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => everyRegion || regionIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Code, r.Name,
                // Regional state organisations sit in a group of their own, which is no municipality (Tomsk: 20 + 5).
                Municipalities = r.Municipalities.Count(m => m.Kind != MunicipalityKind.RegionalStateGroup),
                StateOrganisations = r.Municipalities.Where(m => m.Kind == MunicipalityKind.RegionalStateGroup).SelectMany(m => m.Organisations).Count(),
                Organisations = r.Municipalities.SelectMany(m => m.Organisations).Count(),
                Synthetic = r.Municipalities.SelectMany(m => m.Organisations).Count(o => o.IsSynthetic),
            })
            .OrderBy(r => r.Name)
            .ToListAsync(ct);
        var campaigns = await CampaignsByRegionAsync(db, filter, ct);
        // Indicators with data: one index seek per campaign and catalogue indicator (the index on CampaignId,
        // IndicatorCode), instead of a scan of every observation of the country. EF Core would need a correlated
        // APPLY for this, which SQLite lacks; a VALUES list of parameters reads the same on SQLite and PostgreSQL.
        // A scalar subquery with LIMIT, not EXISTS: PostgreSQL turns EXISTS into a semi-join that reads every
        // observation (0.7 s on the national dataset instead of 60 ms).
        var arguments = new List<object>();
        string Parameter(object value)
        {
            arguments.Add(value);
            return $"{{{arguments.Count - 1}}}";
        }
        var codes = string.Join(", ", IndicatorCatalogue.All.Select(i => $"({Parameter(i.Code)})"));
        var inRegions = everyRegion ? "" : $"""AND c."RegionId" IN ({string.Join(", ", regionIds.Select(id => Parameter(id)))})""";
        var sql = $"""
            SELECT x."RegionId" AS "RegionId", CAST(COUNT(DISTINCT x.Code) AS INTEGER) AS "Indicators"
            FROM (SELECT c."RegionId", code.column1 AS Code,
                         (SELECT 1 FROM "Observations" o WHERE o."CampaignId" = c."Id" AND o."IndicatorCode" = code.column1 LIMIT 1) AS Found
                  FROM "Campaigns" c CROSS JOIN (VALUES {codes}) AS code
                  WHERE 1 = 1 {inRegions}) x
            WHERE x.Found IS NOT NULL
            GROUP BY x."RegionId"
            """;
        var indicators = await db.Database
            .SqlQuery<RegionIndicatorCount>(System.Runtime.CompilerServices.FormattableStringFactory.Create(sql, arguments.ToArray()))
            .ToDictionaryAsync(x => x.RegionId, x => x.Indicators, ct);
        var few = regions.Where(r => r.Municipalities <= RegionSummary.NamedCoverage).Select(r => r.Id).ToList();
        var named = (await db.Municipalities.AsNoTracking().Where(m => few.Contains(m.RegionId))
                .Select(m => new { m.RegionId, m.Name }).ToListAsync(ct))
            .ToLookup(m => m.RegionId, m => m.Name);
        return regions.Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Municipalities, r.Organisations, r.Synthetic,
                campaigns.GetValueOrDefault(r.Id) ?? [], indicators.GetValueOrDefault(r.Id))
            {
                CoveredMunicipalities = named[r.Id].Order(NaturalOrder.Instance).ToList(),
                RegionalStateOrganisations = r.StateOrganisations,
            })
            .ToList();
    }

    public async Task<MunicipalityInfo?> GetMunicipalityAsync(int id, CancellationToken ct = default)
    {
        await guard.DemandAsync(TerritoryRef.Municipality(id), TerritoryAccessRequirement.Aggregates, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Municipalities.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MunicipalityInfo(m.Id, m.Name, m.Kind, m.RegionId, m.Region.Name))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<OrganisationInfo?> GetOrganisationAsync(int id, CancellationToken ct = default)
    {
        await guard.DemandAsync(TerritoryRef.Organisation(id), TerritoryAccessRequirement.Detail, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Organisations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrganisationInfo(o.Id, o.Name, o.Kind, o.IsSynthetic, o.MunicipalityId, o.Municipality.Name,
                o.Municipality.RegionId, o.Municipality.Region.Name))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<CampaignInfo>> GetCampaignsAsync(int regionId, CancellationToken ct = default)
    {
        await guard.DemandAsync(TerritoryRef.Region(regionId), TerritoryAccessRequirement.Aggregates, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return (await CampaignsByRegionAsync(db, RegionFilter.Only(regionId), ct)).GetValueOrDefault(regionId) ?? [];
    }

    /// <summary>Every indicator with data for the territory in the campaign, in catalogue order.</summary>
    public async Task<IReadOnlyList<IndicatorFigures>> GetFiguresAsync(int campaignId, TerritoryRef territory, CancellationToken ct = default)
    {
        // An organisation's own figures are detail; a municipality's or region's are its aggregates.
        var requirement = territory.Level == ObservationLevel.Organisation ? TerritoryAccessRequirement.Detail : TerritoryAccessRequirement.Aggregates;
        await guard.DemandAsync(campaignId, territory, requirement, ct);
        return await shared.GetAsync(campaignId, $"figures:{territory}", () => FiguresAsync(campaignId, territory));
    }

    // Shared between circuits: not cancelled by the one circuit that happened to ask first.
    private async Task<IReadOnlyList<IndicatorFigures>> FiguresAsync(int campaignId, TerritoryRef territory, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var inCampaign = db.Observations.AsNoTracking().Where(o => o.CampaignId == campaignId);

        var published = await Published(inCampaign, territory).ToListAsync(ct);
        var fromOrganisations = territory.Level == ObservationLevel.Organisation
            ? []
            : await SumsAsync(BelowTerritory(inCampaign, territory).Where(o => o.Level == ObservationLevel.Organisation), ct);
        // A region whose seed publishes only municipal figures aggregates those.
        var fromMunicipalities = territory.Level == ObservationLevel.Region
            ? await SumsAsync(inCampaign.Where(o => o.RegionId == territory.Id && o.Level == ObservationLevel.Municipality), ct)
            : [];

        var register = territory.Level == ObservationLevel.Organisation ? [] : await RegisterAsync(db, territory, ct);
        var covered = territory.Level == ObservationLevel.Region && fromMunicipalities.Count > 0
            ? await MunicipalFiguresCoveringOrganisationsAsync(inCampaign, territory.Id, fromMunicipalities.Select(s => s.IndicatorCode).Distinct().ToList(), ct)
            : [];

        var codes = published.Select(p => p.IndicatorCode)
            .Concat(fromOrganisations.Select(s => s.IndicatorCode))
            .Concat(fromMunicipalities.Select(s => s.IndicatorCode))
            .ToHashSet();
        // An organisation's own figures are whole whether or not the others reported.
        var isPartial = territory.Level != ObservationLevel.Organisation && await IsPartialRoundAsync(db, campaignId, ct);
        var printedAgain = await PrintedAgainAsync(db, campaignId, territory, ct);
        return IndicatorCatalogue.All.Where(i => codes.Contains(i.Code))
            .Select(i => BuildFigures(i,
                published.Where(p => p.IndicatorCode == i.Code).ToList(),
                fromOrganisations.Where(s => s.IndicatorCode == i.Code).ToList(),
                fromMunicipalities.Where(s => s.IndicatorCode == i.Code).ToList(),
                register,
                covered.Contains(i.Code),
                isPartial))
            .Select(f => WithSourceNotes(f, printedAgain))
            .ToList();
    }

    /// <summary>
    /// The report's second printing of the territory's figures: a municipality's own, and for a region its own or, where
    /// the region is one municipality (Krasnoyarsk's city report), that municipality's.
    /// </summary>
    private static async Task<List<SourceStatement>> PrintedAgainAsync(MentoringDbContext db, int campaignId, TerritoryRef territory, CancellationToken ct)
    {
        if (territory.Level == ObservationLevel.Organisation)
            return [];
        var statements = db.SourceStatements.AsNoTracking().Where(s => s.CampaignId == campaignId && s.Kind == StatementKind.PrintedAgain);
        if (territory.Level == ObservationLevel.Municipality)
            return await statements.Where(s => s.MunicipalityId == territory.Id).ToListAsync(ct);
        var oneMunicipality = await db.Municipalities.CountAsync(m => m.RegionId == territory.Id, ct) == 1;
        return await statements.Where(s => s.RegionId == territory.Id && (s.MunicipalityId == null || oneMunicipality)).ToListAsync(ct);
    }

    /// <summary>Each slice the report prints again differently carries the other printing beside it (and reads as contradicted).</summary>
    private static IndicatorFigures WithSourceNotes(IndicatorFigures figures, IReadOnlyList<SourceStatement> printedAgain)
    {
        var mine = printedAgain.Where(s => s.IndicatorCode == figures.Indicator.Code).ToList();
        if (mine.Count == 0)
            return figures;
        return figures with
        {
            Slices = figures.Slices.Select(slice =>
            {
                var notes = mine.Where(s => s.OrganisationKind == slice.Kind && s.MunicipalityGroup == slice.Group)
                    .Select(s => (Statement: s, Printed: s.LevelCode is { } level ? slice.PrintedLevelPercents?.GetValueOrDefault(level) : slice.Published?.Value))
                    .Where(x => x.Printed is { } printed && Domain.Analysis.StatementChecks.PrintedDifferently(printed, x.Statement.Value!.Value))
                    .Select(x => $"в разделе «{x.Statement.Where}» напечатано {Format.PublishedPercent(x.Statement.Value!.Value)}"
                                 + (x.Statement.LevelCode is { } level ? $" ({Format.Level(figures.Indicator, level).ToLowerInvariant()})" : "")
                                 + $" вместо {Format.PublishedPercent(x.Printed!.Value)}")
                    .ToList();
                return notes.Count == 0 ? slice : slice with { SourceNotes = notes };
            }).ToList(),
        };
    }

    /// <summary>
    /// The indicators whose published municipal figures cover every municipality with organisations reporting them:
    /// for those a region adds up the published figures, not the organisations' (often generated) ones.
    /// </summary>
    private static async Task<HashSet<string>> MunicipalFiguresCoveringOrganisationsAsync(IQueryable<Observation> inCampaign, int regionId,
        IReadOnlyList<string> codes, CancellationToken ct)
    {
        var inRegion = inCampaign.Where(o => o.RegionId == regionId && codes.Contains(o.IndicatorCode));
        var published = (await inRegion.Where(o => o.Level == ObservationLevel.Municipality)
                .Select(o => new { o.IndicatorCode, o.MunicipalityId }).Distinct().ToListAsync(ct))
            .ToLookup(x => x.IndicatorCode, x => x.MunicipalityId);
        var reporting = (await inRegion.Where(o => o.Level == ObservationLevel.Organisation)
                .Select(o => new { o.IndicatorCode, o.MunicipalityId }).Distinct().ToListAsync(ct))
            .ToLookup(x => x.IndicatorCode, x => x.MunicipalityId);
        return codes.Where(code => reporting[code].All(m => published[code].Contains(m))).ToHashSet();
    }

    /// <summary>The territory's organisations in the register, counted per kind of municipality and of organisation.</summary>
    private static Task<List<RegisterCount>> RegisterAsync(MentoringDbContext db, TerritoryRef territory, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => territory.Level == ObservationLevel.Region ? o.Municipality.RegionId == territory.Id : o.MunicipalityId == territory.Id)
            .GroupBy(o => new { o.MunicipalityId, o.Municipality.Kind, OrganisationKind = o.Kind })
            .Select(g => new RegisterCount(g.Key.MunicipalityId, g.Key.Kind, g.Key.OrganisationKind, g.Count(), g.Count(o => o.IsSynthetic)))
            .ToListAsync(ct);

    /// <summary>The selected indicator for every municipality of the region (published, and from its organisations).</summary>
    public async Task<IReadOnlyList<MunicipalityRow>> GetMunicipalityRowsAsync(int regionId, int campaignId, string indicatorCode, CancellationToken ct = default) =>
        (await GetMunicipalityRowsAsync(regionId, campaignId, [indicatorCode], ct))[indicatorCode];

    /// <summary>Several indicators for every municipality of the region, in one round of queries; keyed by indicator code.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MunicipalityRow>>> GetMunicipalityRowsAsync(
        int regionId, int campaignId, IReadOnlyCollection<string> indicatorCodes, CancellationToken ct = default)
    {
        var indicators = indicatorCodes.Distinct().Select(IndicatorCatalogue.Get).ToList();
        await guard.DemandAsync(campaignId, TerritoryRef.Region(regionId), TerritoryAccessRequirement.Detail, ct);
        return await shared.GetAsync(campaignId, $"municipalities:{regionId}:{string.Join(',', indicators.Select(i => i.Code))}",
            () => MunicipalityRowsAsync(regionId, campaignId, indicators));
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<MunicipalityRow>>> MunicipalityRowsAsync(
        int regionId, int campaignId, IReadOnlyList<Indicator> indicators, CancellationToken ct = default)
    {
        var codes = indicators.Select(i => i.Code).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == regionId)
            .Select(m => new { m.Id, m.Name, m.Kind, Organisations = m.Organisations.Count })
            .ToListAsync(ct);
        var register = (await RegisterAsync(db, TerritoryRef.Region(regionId), ct)).ToLookup(r => r.MunicipalityId);
        var rows = db.Observations.AsNoTracking()
            .Where(o => o.CampaignId == campaignId && o.RegionId == regionId && codes.Contains(o.IndicatorCode));
        var published = (await rows.Where(o => o.Level == ObservationLevel.Municipality).ToListAsync(ct))
            .ToLookup(o => (o.IndicatorCode, o.MunicipalityId));
        // SumsAsync's sums, per municipality. Not one shared query: a key with a constant null municipality becomes a
        // derived table in EF Core's SQL, which SQLite runs slower.
        var sums = (await rows.Where(o => o.Level == ObservationLevel.Organisation)
            .GroupBy(o => new { o.MunicipalityId, o.IndicatorCode, o.OrganisationKind, o.LevelCode })
            .Select(g => new SummedRows(g.Key.MunicipalityId, g.Key.IndicatorCode, g.Key.OrganisationKind, g.Key.LevelCode,
                g.Sum(o => (double?)o.Numerator), g.Sum(o => (double?)o.Denominator), g.Sum(o => (double?)o.Value),
                g.Count(o => o.Numerator != null && o.Denominator != null), g.Count(o => o.Numerator != null), g.Count(o => o.Value != null), g.Count(), g.Count(o => o.IsSynthetic)))
            .ToListAsync(ct))
            .ToLookup(s => (s.IndicatorCode, s.MunicipalityId), s => s.Exact());

        var isPartial = await IsPartialRoundAsync(db, campaignId, ct);
        return indicators.ToDictionary(i => i.Code, i => (IReadOnlyList<MunicipalityRow>)municipalities
            .Select(m => new MunicipalityRow(m.Id, m.Name, m.Kind, m.Organisations, BuildFigures(i,
                published[(i.Code, (int?)m.Id)].ToList(), sums[(i.Code, (int?)m.Id)].ToList(), [], register[m.Id].ToList(), isPartialRound: isPartial)))
            .OrderBy(m => m.Name)
            .ToList());
    }

    /// <summary>Indicators that have figures per municipality (published or from organisations) in the campaign.</summary>
    public async Task<IReadOnlyList<Indicator>> GetComparableIndicatorsAsync(int regionId, int campaignId, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Region(regionId), TerritoryAccessRequirement.Detail, ct);
        // Shared like the figures (so not cancelled by one caller): every open region page asks again after each submission.
        return await shared.GetAsync(campaignId, $"comparable:{regionId}", async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            var codes = await db.Observations.AsNoTracking()
                .Where(o => o.CampaignId == campaignId && o.RegionId == regionId && o.Level != ObservationLevel.Region)
                .Select(o => o.IndicatorCode).Distinct().ToListAsync();
            // A round collected here compares what it collects from the start: every municipality is listed, «нет
            // данных» until it reports, so the first submission fills one row rather than building the whole table.
            codes.AddRange((await CollectedAsync(db, campaignId)).Select(i => i.Code));
            return (IReadOnlyList<Indicator>)IndicatorCatalogue.All.Where(i => codes.Contains(i.Code)).ToList();
        });
    }

    /// <summary>The indicators a round collects through the app's form (none for a round loaded from a published report).</summary>
    public async Task<IReadOnlyList<Indicator>> GetCollectedIndicatorsAsync(int regionId, int campaignId, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Region(regionId), TerritoryAccessRequirement.Aggregates, ct);
        return await shared.GetAsync(campaignId, "collected", async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            return await CollectedAsync(db, campaignId);
        });
    }

    /// <summary>The kinds of organisation the region's register has (a round being collected offers them all from the start).</summary>
    public async Task<IReadOnlyList<OrganisationKind>> GetRegisteredKindsAsync(int regionId, int campaignId, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Region(regionId), TerritoryAccessRequirement.Detail, ct);
        return await shared.GetAsync(campaignId, $"kinds:{regionId}", async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            return (IReadOnlyList<OrganisationKind>)(await db.Organisations.AsNoTracking().Where(o => o.Municipality.RegionId == regionId)
                .Select(o => o.Kind).Distinct().ToListAsync()).Order().ToList();
        });
    }

    private static async Task<IReadOnlyList<Indicator>> CollectedAsync(MentoringDbContext db, int campaignId) =>
        (await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId)).CollectedIndicators;

    /// <summary>Indicators whose figures of this organisation the demo generator produced.</summary>
    public async Task<IReadOnlyList<string>> GetSyntheticIndicatorCodesAsync(int campaignId, int organisationId, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Organisation(organisationId), TerritoryAccessRequirement.Detail, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Observations.AsNoTracking()
            .Where(o => o.CampaignId == campaignId && o.OrganisationId == organisationId && o.IsSynthetic)
            .Select(o => o.IndicatorCode).Distinct().ToListAsync(ct);
    }

    /// <summary>Organisations of a municipality with their own figures of the given indicators.</summary>
    public async Task<IReadOnlyList<OrganisationRow>> GetOrganisationRowsAsync(int municipalityId, int campaignId, IReadOnlyCollection<string> indicatorCodes, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Municipality(municipalityId), TerritoryAccessRequirement.Detail, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.MunicipalityId == municipalityId)
            .Select(o => new { o.Id, o.Name, o.Kind, o.IsSynthetic })
            .ToListAsync(ct);
        var observations = await db.Observations.AsNoTracking()
            .Where(o => o.CampaignId == campaignId && o.MunicipalityId == municipalityId && o.Level == ObservationLevel.Organisation
                        && indicatorCodes.Contains(o.IndicatorCode))
            .Select(o => new { o.OrganisationId, o.IndicatorCode, o.Numerator, o.Denominator, o.Value, o.LevelCode, o.IsSynthetic })
            .ToListAsync(ct);
        var byOrganisation = observations.ToLookup(o => o.OrganisationId);
        return organisations
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.IsSynthetic,
                byOrganisation[o.Id].ToDictionary(x => x.IndicatorCode, x => new Figure(x.Numerator, x.Denominator, x.Value, x.LevelCode)))
            {
                SyntheticCodes = byOrganisation[o.Id].Where(x => x.IsSynthetic).Select(x => x.IndicatorCode).ToHashSet(),
            })
            .OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), false))
            .ToList();
    }


    private sealed record RegionIndicatorCount(int RegionId, int Indicators);

    private sealed record RegisterCount(int MunicipalityId, MunicipalityKind MunicipalityKind, OrganisationKind OrganisationKind, int Organisations, int Synthetic)
    {
        public MunicipalityGroup Group => Municipality.GroupOf(MunicipalityKind);
    }

    /// <param name="WithCounts">Figures with a numerator and a denominator (a share, a yes/no fact).</param>
    /// <param name="WithNumerator">Figures with a numerator: those, and counts published without their total («970 ОО»).</param>
    /// <param name="WithValue">Figures with a value: counts, and percentages as printed.</param>
    private sealed record GroupSums(string IndicatorCode, OrganisationKind? Kind, int? LevelCode,
        decimal? Numerators, decimal? Denominators, decimal? Values, int WithCounts, int WithNumerator, int WithValue, int Figures, int Synthetic);

    private static IQueryable<Observation> Published(IQueryable<Observation> rows, TerritoryRef territory) => territory.Level switch
    {
        ObservationLevel.Region => rows.Where(o => o.Level == ObservationLevel.Region && o.RegionId == territory.Id),
        ObservationLevel.Municipality => rows.Where(o => o.Level == ObservationLevel.Municipality && o.MunicipalityId == territory.Id),
        _ => rows.Where(o => o.Level == ObservationLevel.Organisation && o.OrganisationId == territory.Id),
    };

    private static IQueryable<Observation> BelowTerritory(IQueryable<Observation> rows, TerritoryRef territory) => territory.Level switch
    {
        ObservationLevel.Region => rows.Where(o => o.RegionId == territory.Id),
        ObservationLevel.Municipality => rows.Where(o => o.MunicipalityId == territory.Id),
        _ => rows.Where(o => o.OrganisationId == territory.Id),
    };

    /// <summary>The figures of each indicator, kind and level summed in the database (see <see cref="SummedRows"/>).</summary>
    private static async Task<List<GroupSums>> SumsAsync(IQueryable<Observation> rows, CancellationToken ct) =>
        (await rows.GroupBy(o => new { o.IndicatorCode, o.OrganisationKind, o.LevelCode })
            .Select(g => new SummedRows(null, g.Key.IndicatorCode, g.Key.OrganisationKind, g.Key.LevelCode,
                g.Sum(o => (double?)o.Numerator), g.Sum(o => (double?)o.Denominator), g.Sum(o => (double?)o.Value),
                g.Count(o => o.Numerator != null && o.Denominator != null), g.Count(o => o.Numerator != null), g.Count(o => o.Value != null), g.Count(), g.Count(o => o.IsSynthetic)))
            .ToListAsync(ct))
        .Select(s => s.Exact())
        .ToList();

    /// <summary>
    /// Sums as the database adds them: as doubles. SQLite keeps decimals as text, and EF Core adds those through its
    /// managed ef_sum, a callback per row (two thirds of the region overview's time). A double adds counts exactly
    /// (below 2⁵³); rounding each sum to six places gives back the decimals the figures were written with.
    /// </summary>
    private sealed record SummedRows(int? MunicipalityId, string IndicatorCode, OrganisationKind? Kind, int? LevelCode,
        double? Numerators, double? Denominators, double? Values, int WithCounts, int WithNumerator, int WithValue, int Figures, int Synthetic)
    {
        public GroupSums Exact() => new(IndicatorCode, Kind, LevelCode, Round(Numerators), Round(Denominators), Round(Values),
            WithCounts, WithNumerator, WithValue, Figures, Synthetic);

        private static decimal? Round(double? sum) => sum is { } s ? Math.Round((decimal)s, 6) : null;
    }

    /// <summary>
    /// Builds the slices of one indicator: "all organisations", then each organisation kind, then each municipality
    /// group that has a published figure. Children are organisations where there are any, else published municipal figures.
    /// </summary>
    /// <param name="municipalFiguresCoverOrganisations">
    /// A region's published municipal figures cover every municipality whose organisations report the indicator: the
    /// published figures are then the children (a report's 184 beats the 188 its generated schools add up to) and the
    /// organisations only check them.
    /// </param>
    private static IndicatorFigures BuildFigures(Indicator indicator, IReadOnlyList<Observation> published,
        IReadOnlyList<GroupSums> fromOrganisations, IReadOnlyList<GroupSums> fromMunicipalities, IReadOnlyList<RegisterCount> register,
        bool municipalFiguresCoverOrganisations = false, bool isPartialRound = false)
    {
        Register? RegisterOf(SliceFigure s) =>
            register.Where(r => (s.Kind is null || r.OrganisationKind == s.Kind) && (s.Group is null || r.Group == s.Group)).ToList() is { Count: > 0 } rows
                ? new Register(rows.Sum(r => r.Organisations), rows.Any(r => r.Synthetic > 0))
                : null;

        var childrenArePublished = fromOrganisations.Count == 0 || municipalFiguresCoverOrganisations && fromMunicipalities.Count > 0;
        var children = childrenArePublished ? fromMunicipalities : fromOrganisations;
        var crossCheck = childrenArePublished && fromOrganisations.Count > 0 ? fromOrganisations : null;
        var kinds = published.Select(p => p.OrganisationKind).Concat(children.Select(c => c.Kind))
            .Where(k => k is not null).Distinct().OrderBy(k => k).ToList();

        var slices = new List<SliceFigure> { Slice(indicator, null, null, published, children, childrenArePublished, crossCheck) };
        slices.AddRange(kinds.Select(k => Slice(indicator, k, null, published, children, childrenArePublished, crossCheck)));
        slices.AddRange(published.Where(p => p.MunicipalityGroup is not null)
            .Select(p => (p.OrganisationKind, p.MunicipalityGroup)).Distinct()
            .Select(s => Slice(indicator, s.OrganisationKind, s.MunicipalityGroup, published, [], childrenArePublished)));
        return new IndicatorFigures(indicator, slices.Where(s => s.HasData).Select(s => s with { Register = RegisterOf(s), IsPartialRound = isPartialRound }).ToList());
    }

    /// <param name="organisations">The organisations' sums where the children are published municipal figures, to check those against.</param>
    private static SliceFigure Slice(Indicator indicator, OrganisationKind? kind, MunicipalityGroup? group,
        IReadOnlyList<Observation> published, IReadOnlyList<GroupSums> children, bool childrenArePublished,
        IReadOnlyList<GroupSums>? organisations = null)
    {
        var own = published.Where(p => p.OrganisationKind == kind && p.MunicipalityGroup == group).ToList();
        Figure? publishedFigure = null;
        IReadOnlyDictionary<int, decimal>? publishedLevels = null;
        decimal? levelTotal = null;
        IReadOnlyDictionary<int, decimal>? printedLevels = null;
        if (indicator.Kind == IndicatorKind.Level && own.Count > 0)
        {
            // An organisation's own row is its level; an aggregate's rows are counts of organisations per level.
            var isOrganisationLevel = own.All(p => p.Level == ObservationLevel.Organisation);
            publishedLevels = own.Where(p => p.LevelCode is not null)
                .ToDictionary(p => p.LevelCode!.Value, p => isOrganisationLevel ? 1 : p.Numerator ?? 0);
            publishedFigure = isOrganisationLevel ? own[0].Figure : null;
            if (!isOrganisationLevel)
            {
                levelTotal = own.Select(p => p.Denominator).FirstOrDefault(d => d is not null);
                printedLevels = own.Where(p => p is { LevelCode: not null, Value: not null }).ToDictionary(p => p.LevelCode!.Value, p => p.Value!.Value);
            }
        }
        else if (indicator.Kind == IndicatorKind.Level && childrenArePublished && group is null && OneMunicipalityLevels(kind, children) is { Count: > 0 } whole)
        {
            // One published municipal table that is the whole of its region (Krasnoyarsk's city report) is the region's
            // table as printed: its total and percentages too (12 of 16 УДО is 75 %, not 12 of the 15 rated).
            publishedLevels = whole.ToDictionary(c => c.LevelCode!.Value, c => c.Numerators ?? 0);
            levelTotal = whole.Select(c => c.Denominators).FirstOrDefault(d => d is not null);
            printedLevels = whole.Where(c => c.Values is not null).ToDictionary(c => c.LevelCode!.Value, c => c.Values!.Value);
        }
        else if (own.Count > 0)
            publishedFigure = own[0].Figure;

        var (aggregate, synthetic) = AggregateOf(indicator, kind, group, children, childrenArePublished);
        return new SliceFigure(indicator, kind, group, publishedFigure, publishedLevels, aggregate, synthetic)
        {
            PublishedLevelTotal = levelTotal,
            PrintedLevelPercents = printedLevels,
            FromOrganisations = organisations is null ? null : AggregateOf(indicator, kind, group, organisations, false).Aggregate,
        };
    }

    /// <summary>A slice's published level rows when they come from one municipality alone (each level summed over one figure).</summary>
    private static List<GroupSums> OneMunicipalityLevels(OrganisationKind? kind, IReadOnlyList<GroupSums> children)
    {
        var mine = children.Where(c => c.LevelCode is not null && c.Kind == kind).ToList();
        if (kind is null && mine.Count == 0)
            mine = children.Where(c => c.LevelCode is not null).ToList();
        return mine.Count > 0 && mine.All(c => c.Figures == 1) && mine.Select(c => c.LevelCode).Distinct().Count() == mine.Count ? mine : [];
    }

    /// <summary>What a slice's children add up to, and whether the demo generator made any of them.</summary>
    private static (Aggregate? Aggregate, bool Synthetic) AggregateOf(Indicator indicator, OrganisationKind? kind, MunicipalityGroup? group,
        IReadOnlyList<GroupSums> children, bool childrenArePublished)
    {
        // Children of the "all" slice: figures published for all kinds where there are some, else every kind's.
        var mine = group is not null ? [] : children.Where(c => c.Kind == kind).ToList();
        if (kind is null && group is null && mine.Count == 0)
            mine = children.ToList();
        // Published counts without their totals («24 ОО» per municipality) add up to a count without a total: a
        // denominator only where every figure has one.
        var everyFigureHasCounts = mine.Any(c => c.WithCounts > 0) && mine.All(c => c.WithCounts == c.WithNumerator);
        var aggregate = mine.Count == 0 ? null : Aggregate.From(indicator, new FigureSums(
            mine.Any(c => c.WithNumerator > 0) ? mine.Sum(c => c.Numerators ?? 0) : null,
            everyFigureHasCounts ? mine.Sum(c => c.Denominators ?? 0) : null,
            mine.Any(c => c.Values is not null) ? mine.Sum(c => c.Values ?? 0) : null,
            indicator.Kind is IndicatorKind.Share or IndicatorKind.Fact ? mine.Sum(c => c.WithNumerator) : mine.Sum(c => c.Figures),
            indicator.Kind == IndicatorKind.Level
                // An organisation row is one organisation at a level; a published row carries its count as numerator.
                ? mine.Where(c => c.LevelCode is not null).GroupBy(c => c.LevelCode!.Value)
                    .ToDictionary(g => g.Key, g => g.Sum(c => childrenArePublished ? (int)(c.Numerators ?? 0) : c.Figures))
                : null));
        // One published figure is the whole of its parent (Stary Oskol's okrug is all of the Belgorod data): it keeps
        // the percentage it was printed with.
        if (childrenArePublished && aggregate is not null && mine is [{ Figures: 1, WithValue: 1, Values: { } printed }]
            && indicator.Kind is IndicatorKind.Share or IndicatorKind.Fact)
            aggregate = aggregate with { Figure = aggregate.Figure with { Value = printed } };
        return (aggregate, mine.Any(c => c.Synthetic > 0));
    }

    private static async Task<Dictionary<int, IReadOnlyList<CampaignInfo>>> CampaignsByRegionAsync(MentoringDbContext db, RegionFilter regions, CancellationToken ct)
    {
        var (everyRegion, regionIds) = (regions.EveryRegion, regions.Ids);
        // A draft campaign has no figures yet and is not shown until it starts collecting.
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => everyRegion || regionIds.Contains(c.RegionId))
            .Where(c => c.State != CampaignState.Draft)
            .Select(c => new { c.RegionId, Info = new CampaignInfo(c.Id, c.Title, c.AsOf, c.Source, c.State) })
            .ToListAsync(ct);
        var completeness = await CompletenessAsync(db, campaigns.Select(c => c.Info.Id).ToList(), ct);
        return campaigns.GroupBy(c => c.RegionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CampaignInfo>)g
                .Select(c => completeness.TryGetValue(c.Info.Id, out var done) ? c.Info with { Reported = done.Reported, Expected = done.Expected } : c.Info)
                .OrderByDescending(c => c.AsOf).ToList());
    }

    /// <summary>
    /// Organisations submitted and asked, for the rounds collected in the system (collecting, opened in the system, or
    /// with a submission). A round loaded from a published report is left out: it is the report's whole.
    /// </summary>
    private static async Task<Dictionary<int, CampaignCompleteness>> CompletenessAsync(MentoringDbContext db, IReadOnlyList<int> campaignIds, CancellationToken ct)
    {
        var rounds = await db.Campaigns.AsNoTracking()
            .Where(c => campaignIds.Contains(c.Id))
            .Where(c => c.State == CampaignState.Collecting || c.Source == Campaign.CollectedInSystem || db.Submissions.Any(s => s.CampaignId == c.Id))
            .Select(c => new
            {
                c.Id,
                Reported = db.Submissions.Count(s => s.CampaignId == c.Id && s.State == SubmissionState.Submitted),
                Expected = db.Organisations.Count(o => o.Municipality.RegionId == c.RegionId),
            })
            .ToListAsync(ct);
        return rounds.ToDictionary(r => r.Id, r => new CampaignCompleteness(r.Id, r.Reported, r.Expected));
    }

    /// <summary>Whether the campaign's figures are partial: not every organisation of its region reported.</summary>
    private static async Task<bool> IsPartialRoundAsync(MentoringDbContext db, int campaignId, CancellationToken ct) =>
        (await CompletenessAsync(db, [campaignId], ct)).TryGetValue(campaignId, out var done) && done.Reported < done.Expected;
}
