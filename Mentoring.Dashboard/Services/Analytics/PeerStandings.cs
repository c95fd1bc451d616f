using Mentoring.Dashboard.Security;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>
/// An organisation's place among those of its kind in its municipality that reported the figure: 1 + how many did better.
/// </summary>
/// <param name="Origin">Generated when any figure compared was (the organisation's own or a peer's).</param>
public sealed record PeerPlace(string What, string OwnText, int Place, int Ranked, FigureOrigin Origin);

/// <summary>
/// Where a school stands among its municipality's schools (or a supplementary organisation among the others): its
/// place by each share and count it reported, and by how many yes/no conditions it meets. Only places and counts
/// leave the server, never another organisation's figures or names.
/// </summary>
public sealed record PeerStanding(OrganisationKind Kind, string MunicipalityName, int Peers, IReadOnlyList<PeerPlace> Places);

public sealed class PeerStandings(ScopedDbContextFactory contextFactory, TerritoryGuard guard)
{
    /// <returns>Null when the organisation reported nothing in the round.</returns>
    public async Task<PeerStanding?> GetAsync(int campaignId, int organisationId, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Organisation(organisationId), TerritoryAccessRequirement.Detail, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var own = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Kind, o.MunicipalityId, Municipality = o.Municipality.Name }).SingleAsync(ct);
        var peers = db.Organisations.Where(o => o.MunicipalityId == own.MunicipalityId && o.Kind == own.Kind).Select(o => o.Id);
        var observations = await db.Observations.AsNoTracking()
            .Where(o => o.CampaignId == campaignId && o.Level == ObservationLevel.Organisation && o.MunicipalityId == own.MunicipalityId
                        && peers.Contains(o.OrganisationId!.Value))
            .Select(o => new { OrganisationId = o.OrganisationId!.Value, o.IndicatorCode, o.Numerator, o.Denominator, o.Value, o.IsSynthetic })
            .ToListAsync(ct);
        if (!observations.Any(o => o.OrganisationId == organisationId))
            return null;

        var places = new List<PeerPlace>();
        foreach (var indicator in IndicatorCatalogue.All.Where(i => i.Kind is IndicatorKind.Share or IndicatorKind.Count))
        {
            var figures = observations.Where(o => o.IndicatorCode == indicator.Code)
                .Select(o => (o.OrganisationId, Figure: new Figure(o.Numerator, o.Denominator, o.Value), o.IsSynthetic))
                .Where(o => o.Figure.Headline(indicator.Kind) is not null).ToList();
            var mine = figures.Where(f => f.OrganisationId == organisationId).Select(f => (Figure?)f.Figure).FirstOrDefault();
            if (mine is null || figures.Count < 2)
                continue;
            var value = mine.Value.Headline(indicator.Kind)!.Value;
            var better = figures.Count(f => indicator.HigherIsBetter ? f.Figure.Headline(indicator.Kind) > value : f.Figure.Headline(indicator.Kind) < value);
            places.Add(new PeerPlace(indicator.ShortName, FigureText.Organisation(indicator, mine.Value), better + 1, figures.Count, OriginOf(figures.Select(f => f.IsSynthetic))));
        }

        // The yes/no conditions (forms in use, local acts): how many each organisation meets of those it answered.
        var facts = IndicatorCatalogue.All.Where(i => i.Kind == IndicatorKind.Fact).Select(i => i.Code).ToHashSet();
        var held = observations.Where(o => facts.Contains(o.IndicatorCode) && o.Denominator is > 0)
            .GroupBy(o => o.OrganisationId)
            .Select(g => (OrganisationId: g.Key, Held: g.Count(o => o.Numerator > 0), Of: g.Count(), Synthetic: g.Any(o => o.IsSynthetic)))
            .ToList();
        if (held.FirstOrDefault(h => h.OrganisationId == organisationId) is { Of: > 0 } mineHeld && held.Count >= 2)
            places.Insert(0, new PeerPlace("Выполненные условия (ответы «да»)", $"{Format.Number(mineHeld.Held)} из {Format.Number(mineHeld.Of)}",
                held.Count(h => h.Held > mineHeld.Held) + 1, held.Count, OriginOf(held.Select(h => h.Synthetic))));

        return new PeerStanding(own.Kind, own.Municipality, await peers.CountAsync(ct), places);
    }

    private static FigureOrigin OriginOf(IEnumerable<bool> synthetic) =>
        FigureOrigin.Computed | (synthetic.Any(s => s) ? FigureOrigin.Generated : 0);
}
