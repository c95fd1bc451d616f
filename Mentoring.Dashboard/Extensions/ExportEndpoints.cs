using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Services.Export;

namespace Mentoring.Dashboard.Extensions;

/// <summary>
/// File downloads of what the pages show. Each goes through the same scoped services as the page, so a hand-typed
/// id outside the user's territory gets 403 and no data.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/export").RequireAuthorization();

        exports.MapGet("/recommendations", async (int? region, int? municipality, int campaign, string? format,
            MonitoringQueries queries, Recommendations recommendations, CancellationToken ct) =>
        {
            if (region is null == municipality is null)
                return Results.Text("Укажите регион или муниципалитет.", statusCode: StatusCodes.Status400BadRequest);
            return await Scoped(async () =>
            {
                var territory = region is { } r ? TerritoryRef.Region(r) : TerritoryRef.Municipality(municipality!.Value);
                var items = await recommendations.GetAsync(territory, campaign, ct); // checks scope and that the campaign is the region's
                var (name, regionId) = region is { } id
                    ? ((await queries.GetRegionAsync(id, ct)).Name, id)
                    : (await queries.GetMunicipalityAsync(municipality!.Value, ct)) is { } m ? (m.Name, m.RegionId) : throw new TerritoryAccessDeniedException();
                var asOf = (await queries.GetCampaignsAsync(regionId, ct)).First(c => c.Id == campaign).AsOf;
                return File(Recommendations.ToTable($"Адресные рекомендации {name} {Format.Date(asOf)}", items), format);
            });
        });

        // The intake spreadsheet of a municipality with the figures entered so far: template, export and round trip.
        exports.MapGet("/intake", async (int campaign, int municipality, string? format, Services.Intake.IntakeWorkbook workbook, CancellationToken ct) =>
            await Scoped(async () =>
            {
                var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
                var (sheets, title) = await workbook.BuildAsync(campaign, municipality, oneSheet: csv, ct);
                var named = sheets[0] with { Title = title };
                return csv
                    ? Results.File(CsvTableWriter.Write(sheets[0]), CsvTableWriter.ContentType, named.FileName("csv"))
                    : Results.File(XlsxTableWriter.Write(sheets), XlsxTableWriter.ContentType, named.FileName("xlsx"));
            }));
        return app;
    }

    /// <summary>.xlsx unless .csv is asked for.</summary>
    public static IResult File(ExportTable table, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.File(CsvTableWriter.Write(table), CsvTableWriter.ContentType, table.FileName("csv"))
            : Results.File(XlsxTableWriter.Write(table), XlsxTableWriter.ContentType, table.FileName("xlsx"));

    private static async Task<IResult> Scoped(Func<Task<IResult>> export)
    {
        try
        {
            return await export();
        }
        catch (TerritoryAccessDeniedException)
        {
            return Results.Text("Нет доступа.", statusCode: StatusCodes.Status403Forbidden);
        }
    }
}
