using Mentoring.Dashboard.Data;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Intake;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>One figure of an organisation before and after a write; null where there was or is none.</summary>
public sealed record ReportedChange(int OrganisationId, string OrganisationName, Indicator Indicator, Figure? Before, Figure? After);

/// <summary>
/// The one place that writes organisations' figures: the curator's form and the spreadsheet import both come here,
/// inside the caller's transaction. Observations are immutable, so a changed figure is a removed row and a new one:
/// <see cref="Apply"/> marks the old rows removed in the context and collects the new ones, which
/// <see cref="SaveAsync"/> writes after the context's own changes.
/// </summary>
public static class ObservationWriter
{
    /// <summary>The organisations' own figures in the campaign, by organisation and indicator code.</summary>
    public static async Task<Dictionary<(int Organisation, string Code), Observation>> ExistingAsync(
        MentoringDbContext db, int campaignId, IReadOnlyCollection<int> organisationIds, CancellationToken ct)
    {
        var rows = await db.Observations
            .Where(o => o.CampaignId == campaignId && o.Level == ObservationLevel.Organisation && organisationIds.Contains(o.OrganisationId!.Value))
            .ToListAsync(ct);
        // Seed data can hold one figure per organisation kind slice; the organisation's own report is one per code.
        return rows.GroupBy(o => (o.OrganisationId!.Value, o.IndicatorCode)).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>
    /// Replaces the organisation's figures of the given indicators: an empty figure removes the old one.
    /// Indicators not in <paramref name="reported"/> are left as they are. Returns what changed.
    /// </summary>
    public static List<ReportedChange> Apply(
        MentoringDbContext db, Campaign campaign, Organisation organisation, IReadOnlyDictionary<string, Figure> reported,
        IReadOnlyDictionary<(int Organisation, string Code), Observation> existing, string source, ICollection<Observation> added)
    {
        var changes = new List<ReportedChange>();
        foreach (var (code, raw) in reported)
        {
            var indicator = IndicatorCatalogue.Get(code);
            var figure = FigureRules.Normalise(indicator, raw);
            existing.TryGetValue((organisation.Id, code), out var old);
            var before = old is null ? (Figure?)null : FigureRules.Normalise(indicator, old.Figure);
            var after = FigureRules.IsEmpty(figure) ? (Figure?)null : figure;
            if (before == after)
                continue;
            if (old is not null)
                db.Observations.Remove(old);
            if (after is { } value)
                added.Add(Observation.ForOrganisation(campaign, indicator, organisation, value, source, isSynthetic: false));
            changes.Add(new ReportedChange(organisation.Id, organisation.Name, indicator, before, after));
        }
        return changes;
    }

    /// <summary>Saves the context (removed rows, submissions, audit) and then inserts the new rows, in the caller's transaction.</summary>
    public static async Task SaveAsync(MentoringDbContext db, IReadOnlyCollection<Observation> added, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await ObservationInserter.InsertAsync(db, added, ct);
    }
}
