using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Export;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>
/// The intake spreadsheet of a campaign and municipality, filled with the figures entered so far: a template to
/// fill in, and the export of what the organisations reported. Importing it back unchanged changes nothing.
/// </summary>
public sealed class IntakeWorkbook(ScopedDbContextFactory contextFactory, TerritoryGuard guard)
{
    /// <summary>The sheets (one per <see cref="IntakeColumns.Sheets"/>, or one with every column for .csv) and a file title.</summary>
    public async Task<(IReadOnlyList<ExportTable> Sheets, string Title)> BuildAsync(int campaignId, int municipalityId, bool oneSheet, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Municipality(municipalityId), TerritoryAccessRequirement.Aggregates, ct);
        var scope = await guard.ScopeAsync();
        var inDetail = await guard.AccessAsync(TerritoryRef.Municipality(municipalityId), ct) == TerritoryAccess.Detail;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == municipalityId, ct);
        // Organisation names are detail: a curator gets only their own organisation's row.
        var organisations = (await db.Organisations.AsNoTracking().Where(o => o.MunicipalityId == municipalityId)
                .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct))
            .Where(o => inDetail || o.Id == scope.OrganisationId)
            .OrderBy(o => o.Name, NaturalOrder.Instance)
            .ToList();
        if (organisations.Count == 0)
            throw new TerritoryAccessDeniedException();
        var existing = await ObservationWriter.ExistingAsync(db, campaignId, organisations.Select(o => o.Id).ToList(), ct);

        var indicators = campaign.CollectedIndicators;
        var layout = oneSheet
            ? [(IntakeColumns.FormsSheet, IntakeColumns.AllColumns(indicators))]
            : IntakeColumns.Sheets(indicators);
        var sheets = layout.Select(sheet => new ExportTable(
                oneSheet ? $"Мониторинг {municipality.Name}" : sheet.Sheet,
                sheet.Columns.Select(c => c.Header).ToList(),
                organisations.Select(o => (IReadOnlyList<object?>)sheet.Columns.Select(column => column.Header switch
                {
                    IntakeColumns.Code => o.Id,
                    IntakeColumns.Name => o.Name,
                    IntakeColumns.Kind => Format.OrganisationKindShort(o.Kind),
                    _ => column.CellOf(existing.TryGetValue((o.Id, column.Indicator!.Code), out var observation) ? observation.Figure : null),
                }).ToList()).ToList()))
            .ToList();
        return (sheets, $"Мониторинг {municipality.Name} на {Format.Date(campaign.AsOf)}");
    }
}
