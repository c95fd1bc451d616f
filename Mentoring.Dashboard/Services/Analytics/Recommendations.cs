using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Export;
using Mentoring.Domain.Analysis;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Analytics;

public sealed record RecommendedOrganisation(int Id, string Name, OrganisationKind Kind, string Municipality, bool IsSynthetic);

/// <summary>One recommendation and the organisations it is addressed to, out of those that reported the indicator.</summary>
public sealed record Recommendation(RecommendationRule Rule, Indicator Indicator, IReadOnlyList<RecommendedOrganisation> Organisations, int Reporting)
{
    public string Direction => Rule.Direction;
}

/// <summary>
/// Targeted recommendations (адресные рекомендации) like Appendix 1 of the Krasnoyarsk report: for each missing
/// document, each form not implemented, young teachers left outside programmes and an unacceptable effectiveness
/// level, the organisations concerned, by name. Organisations are named only where the user may see them.
/// </summary>
public sealed class Recommendations(ScopedDbContextFactory contextFactory, MonitoringQueries queries, TerritoryGuard guard)
{
    private const int UnacceptableLevel = 3;

    public async Task<IReadOnlyList<Recommendation>> GetAsync(TerritoryRef territory, int campaignId, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, territory, TerritoryAccessRequirement.Detail, ct);
        // An organisation's own recommendations: what «Моя организация» tells its curator.
        int? organisationId = territory.Level == ObservationLevel.Organisation ? territory.Id : null;
        IReadOnlySet<int> visible = territory.Level switch
        {
            ObservationLevel.Region => await guard.MunicipalitiesInDetailAsync(territory.Id, ct),
            ObservationLevel.Municipality => new HashSet<int> { territory.Id },
            _ => new HashSet<int> { (await queries.GetOrganisationAsync(territory.Id, ct))!.MunicipalityId },
        };

        var codes = RecommendationCatalogue.Rules.Select(r => r.IndicatorCode).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = db.Observations.AsNoTracking()
            .Where(o => o.CampaignId == campaignId && o.Level == ObservationLevel.Organisation && codes.Contains(o.IndicatorCode)
                        && o.MunicipalityId != null && visible.Contains(o.MunicipalityId.Value)
                        && (organisationId == null || o.OrganisationId == organisationId));
        var reporting = await rows.GroupBy(o => o.IndicatorCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // What falls short: a missing fact, a part below its whole, an unacceptable level.
        var concerned = await rows
            .Where(o => o.Numerator == 0 && o.Denominator == 1
                        || o.IndicatorCode == IndicatorCatalogue.YoungTeachersMentees && o.Numerator < o.Denominator
                        || o.IndicatorCode == IndicatorCatalogue.Effectiveness && o.LevelCode == UnacceptableLevel)
            .Select(o => new
            {
                o.IndicatorCode,
                Organisation = new RecommendedOrganisation(o.Organisation!.Id, o.Organisation.Name, o.Organisation.Kind, o.Municipality!.Name, o.IsSynthetic),
            })
            .ToListAsync(ct);
        var byIndicator = concerned.ToLookup(c => c.IndicatorCode, c => c.Organisation);

        return RecommendationCatalogue.Rules
            .Where(rule => byIndicator[rule.IndicatorCode].Any())
            .Select(rule => new Recommendation(rule, IndicatorCatalogue.Get(rule.IndicatorCode),
                byIndicator[rule.IndicatorCode]
                    .OrderBy(o => o.Municipality, NaturalOrder.Instance).ThenBy(o => o.Kind).ThenBy(o => o.Name, NaturalOrder.Instance)
                    .ToList(),
                reporting.GetValueOrDefault(rule.IndicatorCode)))
            .OrderBy(r => RecommendationCatalogue.Directions.ToList().IndexOf(r.Direction))
            .ToList();
    }

    /// <summary>The recommendations as a table to download: one row per organisation, as in the Appendix.</summary>
    public static ExportTable ToTable(string title, IReadOnlyList<Recommendation> recommendations) => new(
        title,
        ["Направление", "Рекомендация", "Показатель", "Муниципалитет", "Организация", "Вид организации", "Данные"],
        recommendations.SelectMany(r => r.Organisations.Select(o => (IReadOnlyList<object?>)
            [r.Direction, r.Rule.Text, r.Indicator.Name, o.Municipality, o.Name, Format.OrganisationKind(o.Kind, plural: false),
             o.IsSynthetic ? "демонстрационные" : "из отчёта"]))
            .ToList());
}
