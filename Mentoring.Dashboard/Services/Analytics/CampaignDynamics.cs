using Mentoring.Dashboard.Security;
using Mentoring.Domain.Analysis;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>A slice of the region's figure (all, ОУ, УДО, a group of municipalities) in two campaigns.</summary>
public sealed record SliceChange(Indicator Indicator, OrganisationKind? Kind, MunicipalityGroup? Group, Measure Before, Measure After)
{
    /// <summary>
    /// The earlier round this change is measured from, when it is not the report's base: an indicator the base round
    /// did not measure is compared with the latest round that did (Krasnoyarsk's young teachers: 2021/22 → 2022/23).
    /// </summary>
    public CampaignInfo? EarlierRound { get; init; }

    public ValueChange Change => new(Before.Value, After.Value);
    public string SliceText => Format.Slice(Kind, Group);
}

/// <summary>A municipality's figure of one indicator and organisation kind in two campaigns (either may be missing).</summary>
public sealed record MunicipalityChange(
    int Id, string Name, MunicipalityKind Kind, Indicator Indicator, OrganisationKind? OrganisationKind, Measure? Before, Measure? After)
{
    public MunicipalityGroup Group => Municipality.GroupOf(Kind);

    public ValueChange? Change => Before is { } b && After is { } a && b.IsComparableWith(a) ? new(b.Value, a.Value) : null;

    /// <summary>Has not started: the form is run by no organisation (0 %, 0 ОО) in the later campaign.</summary>
    public bool HasNotStarted => After is { Value: 0 };

    /// <summary>Either figure was made by the demo generator.</summary>
    public bool IsSynthetic => Before?.IsSynthetic == true || After?.IsSynthetic == true;

    /// <summary>"Таштагольский МР (27 % → 43 %)"; a generated figure carries the demo mark.</summary>
    public string ChangeText => (Before is { } b && After is { } a ? $"{Name} ({b.Text} → {a.Text})" : Name) + (IsSynthetic ? Format.DemoMark : "");

    /// <summary>The name as a list shows it, with the demo mark where a figure behind it was generated.</summary>
    public string NameText => Name + (IsSynthetic ? Format.DemoMark : "");
}

/// <summary>The lists the seeds write by hand, for one indicator, organisation kind and group of municipalities.</summary>
public sealed record DynamicsLists(
    Indicator Indicator, OrganisationKind? OrganisationKind, MunicipalityGroup Group,
    IReadOnlyList<MunicipalityChange> Increased, IReadOnlyList<MunicipalityChange> Decreased,
    IReadOnlyList<MunicipalityChange> Unchanged, IReadOnlyList<MunicipalityChange> NotStarted)
{
    public bool IsEmpty => Increased.Count + Decreased.Count + Unchanged.Count + NotStarted.Count == 0;
}

/// <summary>One indicator in two campaigns: the region's slices and every municipality.</summary>
public sealed record IndicatorDynamics(Indicator Indicator, IReadOnlyList<SliceChange> Region, IReadOnlyList<MunicipalityChange> Municipalities)
{
    /// <summary>Forms that organisations run (or students join) have a "not started" list; counts of people do not.</summary>
    public bool TracksStart => Indicator.Group is IndicatorGroup.Forms
        || Indicator.Code is IndicatorCatalogue.StudentFormStudentStudent or IndicatorCatalogue.StudentFormUniversityStudent or IndicatorCatalogue.StudentFormEmployerStudent;

    public IReadOnlyList<DynamicsLists> Lists() => Municipalities
        .GroupBy(m => (m.OrganisationKind, m.Group))
        .OrderBy(g => g.Key.OrganisationKind ?? 0).ThenBy(g => g.Key.Group)
        .Select(g => new DynamicsLists(Indicator, g.Key.OrganisationKind, g.Key.Group,
            g.Where(m => m.Change?.Direction == ChangeDirection.Increase).OrderByDescending(m => m.Change!.Delta).ToList(),
            g.Where(m => m.Change?.Direction == ChangeDirection.Decrease).OrderBy(m => m.Change!.Delta).ToList(),
            g.Where(m => m.Change?.Direction == ChangeDirection.NoChange && !(TracksStart && m.HasNotStarted)).ToList(),
            TracksStart ? g.Where(m => m.HasNotStarted).ToList() : []))
        .Where(l => !l.IsEmpty)
        .ToList();
}

/// <summary>Two campaigns of a region compared indicator by indicator.</summary>
public sealed record DynamicsReport(CampaignInfo? Base, CampaignInfo Current, IReadOnlyList<IndicatorDynamics> Indicators)
{
    /// <summary>
    /// A campaign still collecting or closed incomplete holds the figures of the organisations that reported: compared
    /// with a complete round it would read as a fall. Nothing is compared then, and <see cref="HeldBackText"/> says why.
    /// </summary>
    public bool IsHeldBack => HeldBackText is not null;

    public string? HeldBackText => CampaignInfo.WhyNotCompared(Current, Base);

    /// <summary>"2021 г." when the campaigns are in different years (as the seeds write), else the date.</summary>
    public string BaseLabel => Base?.LabelBefore(Current) ?? "";
}

/// <summary>
/// Dynamics between two campaigns of a region: per slice of the region and per municipality, the change of every
/// indicator both campaigns have. Municipal figures only (no organisation names), so a municipal head may see it.
/// </summary>
public sealed class CampaignDynamics(MonitoringQueries queries)
{
    /// <summary>The campaign before <paramref name="currentCampaignId"/>, the default base of a comparison.</summary>
    public static CampaignInfo? PreviousOf(IReadOnlyList<CampaignInfo> campaigns, int currentCampaignId) =>
        campaigns.FirstOrDefault(c => c.Id == currentCampaignId) is { } current ? CampaignInfo.Previous(campaigns, current) : null;

    /// <summary>
    /// The base a user asked for: an earlier campaign by id, none for <c>0</c> ("no comparison"), otherwise the previous one.
    /// </summary>
    public static CampaignInfo? BaseOf(IReadOnlyList<CampaignInfo> campaigns, CampaignInfo current, int? requestedBaseId) =>
        requestedBaseId == 0 ? null
        : campaigns.FirstOrDefault(c => c.Id == requestedBaseId && c.AsOf < current.AsOf) ?? PreviousOf(campaigns, current.Id);

    /// <summary>
    /// Compares <paramref name="currentCampaignId"/> with <paramref name="baseCampaignId"/>; without a base (a region's
    /// first campaign) only the "not started" lists are filled.
    /// </summary>
    public async Task<DynamicsReport> GetAsync(int regionId, int? baseCampaignId, int currentCampaignId, CancellationToken ct = default)
    {
        var campaigns = await queries.GetCampaignsAsync(regionId, ct);
        var currentCampaign = campaigns.FirstOrDefault(c => c.Id == currentCampaignId) ?? throw new TerritoryAccessDeniedException();
        var baseCampaign = baseCampaignId is null ? null
            : campaigns.FirstOrDefault(c => c.Id == baseCampaignId) ?? throw new TerritoryAccessDeniedException();
        if (CampaignInfo.WhyNotCompared(currentCampaign, baseCampaign) is not null)
            return new DynamicsReport(baseCampaign, currentCampaign, []);

        var region = TerritoryRef.Region(regionId);
        var before = baseCampaign is null ? [] : await queries.GetFiguresAsync(baseCampaign.Id, region, ct);
        var after = await queries.GetFiguresAsync(currentCampaign.Id, region, ct);
        var codes = after.Select(f => f.Indicator.Code).ToList();
        var canCompareMunicipalities = await queries.GetAccessAsync(region, ct) == TerritoryAccess.Detail;
        var municipalBefore = canCompareMunicipalities && baseCampaign is not null
            ? await queries.GetMunicipalityRowsAsync(regionId, baseCampaign.Id, codes, ct)
            : null;
        var municipalAfter = canCompareMunicipalities ? await queries.GetMunicipalityRowsAsync(regionId, currentCampaign.Id, codes, ct) : null;

        // Earlier closed rounds, latest first, for indicators the base round did not measure.
        var earlier = new List<(CampaignInfo Campaign, IReadOnlyList<IndicatorFigures> Figures)>();
        if (baseCampaign is not null)
            foreach (var round in campaigns.Where(c => c.State == Domain.Monitoring.CampaignState.Closed && c.AsOf < baseCampaign.AsOf).OrderByDescending(c => c.AsOf))
                earlier.Add((round, await queries.GetFiguresAsync(round.Id, region, ct)));
        List<SliceChange> RegionChanges(IndicatorFigures a)
        {
            if (before.FirstOrDefault(b => b.Indicator.Code == a.Indicator.Code) is { } inBase)
                return SliceChanges(inBase, a);
            foreach (var (round, figures) in earlier)
                if (figures.FirstOrDefault(f => f.Indicator.Code == a.Indicator.Code) is { } older)
                    return SliceChanges(older, a).Select(c => c with { EarlierRound = round }).ToList();
            return [];
        }

        var indicators = after
            .Select(a => new IndicatorDynamics(a.Indicator,
                RegionChanges(a),
                municipalAfter is null ? [] : MunicipalityChanges(municipalBefore?[a.Indicator.Code] ?? [], municipalAfter[a.Indicator.Code])))
            .Where(d => d.Region.Count > 0 || d.Municipalities.Any(m => m.Before is not null || d.TracksStart && m.HasNotStarted))
            .ToList();
        return new DynamicsReport(baseCampaign, currentCampaign, indicators);
    }

    /// <summary>
    /// The slices of a territory's figure that both campaigns have, comparably. "All organisations" is left out when
    /// it only repeats the one kind that has data (Krasnoyarsk's document package covers schools only).
    /// </summary>
    public static List<SliceChange> SliceChanges(IndicatorFigures? before, IndicatorFigures after)
    {
        var changes = after.Slices
            .Select(a => (a, b: before?.Slices.FirstOrDefault(b => b.Kind == a.Kind && b.Group == a.Group)))
            .Select(x => (x.a, Pair: Measure.Comparable(Measure.Of(x.b), Measure.Of(x.a))))
            .Where(x => x.Pair is not null)
            .Select(x => new SliceChange(after.Indicator, x.a.Kind, x.a.Group, x.Pair!.Value.Before, x.Pair!.Value.After))
            .ToList();
        var byKind = changes.Where(c => c.Kind is not null && c.Group is null).ToList();
        if (byKind.Count == 1 && changes.FirstOrDefault(c => c.Kind is null && c.Group is null) is { } all
            && all.Before.Value == byKind[0].Before.Value && all.After.Value == byKind[0].After.Value)
            changes.Remove(all);
        return changes;
    }

    private static List<MunicipalityChange> MunicipalityChanges(IReadOnlyList<MunicipalityRow> before, IReadOnlyList<MunicipalityRow> after)
    {
        var beforeById = before.ToDictionary(r => r.Id);
        // Per organisation kind where the figures are split so (ОУ, УДО), else for all organisations.
        return after.SelectMany(row =>
            {
                var kinds = row.Figures.Slices.Where(s => s.Group is null).Select(s => s.Kind).ToList();
                var split = kinds.Where(k => k is not null).ToList();
                return (split.Count > 0 ? split : kinds).Select(kind =>
                {
                    var b = beforeById.GetValueOrDefault(row.Id)?.Figures.Slices.FirstOrDefault(s => s.Kind == kind && s.Group is null);
                    var a = row.Figures.Slices.First(s => s.Kind == kind && s.Group is null);
                    return new MunicipalityChange(row.Id, row.Name, row.Kind, row.Figures.Indicator, kind, Measure.Of(b), Measure.Of(a));
                });
            })
            .Where(m => m.After is not null)
            .ToList();
    }
}
