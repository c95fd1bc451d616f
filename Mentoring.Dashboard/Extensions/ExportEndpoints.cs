using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Export;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;
using Microsoft.AspNetCore.Identity;

namespace Mentoring.Dashboard.Extensions;

/// <summary>
/// File downloads of what the pages show. Each goes through the same scoped services as the page, so a hand-typed
/// id outside the user's territory gets 403 and no data.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/export").RequireAuthorization()
            // Figures of a territory: never kept by a browser's or a proxy's cache once the user has signed out.
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                // The sign-in cookie is re-checked only every minute; a download checks the account now: a locked
                // account, or one whose role or territory changed since sign-in, gets nothing.
                var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
                if (await signIn.ValidateSecurityStampAsync(context.HttpContext.User) is not { } user || await signIn.UserManager.IsLockedOutAsync(user))
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                return await next(context);
            });

        exports.MapGet("/recommendations", async (int? region, int? municipality, int campaign, string? format,
            DashboardTables tables, CancellationToken ct) =>
        {
            if (region is null == municipality is null)
                return Results.Text("Укажите регион или муниципалитет.", statusCode: StatusCodes.Status400BadRequest);
            var territory = region is { } r ? TerritoryRef.Region(r) : TerritoryRef.Municipality(municipality!.Value);
            return await Scoped(async () => File(await tables.RecommendationsAsync(territory, campaign, ct), format));
        });

        // The dashboard's tables, each as its page shows it.
        exports.MapGet("/indicators", async (int? region, int? municipality, int? organisation, int campaign, string? format,
            DashboardTables tables, CancellationToken ct) =>
        {
            TerritoryRef? territory = (region, municipality, organisation) switch
            {
                ({ } r, null, null) => TerritoryRef.Region(r),
                (null, { } m, null) => TerritoryRef.Municipality(m),
                (null, null, { } o) => TerritoryRef.Organisation(o),
                _ => null,
            };
            return territory is { } t
                ? await Scoped(async () => File(await tables.IndicatorsAsync(t, campaign, ct), format))
                : Results.Text("Укажите регион, муниципалитет или организацию.", statusCode: StatusCodes.Status400BadRequest);
        });
        // The region page's slicers travel with the link: the file holds what the filtered table shows.
        exports.MapGet("/municipalities", async (int region, int campaign, string? indicator, string? kind, string? group, string? format, DashboardTables tables, CancellationToken ct) =>
            await Scoped(async () => File(await tables.MunicipalitiesAsync(region, campaign, indicator, ct,
                Enum.TryParse<OrganisationKind>(kind, out var k) ? k : null, Enum.TryParse<MunicipalityGroup>(group, out var g) ? g : null), format)));
        exports.MapGet("/organisations", async (int municipality, int campaign, string? group, string? format, DashboardTables tables, CancellationToken ct) =>
            await Scoped(async () => File(await tables.OrganisationsAsync(municipality, campaign,
                Enum.TryParse<IndicatorGroup>(group, out var g) ? g : null, ct), format)));
        exports.MapGet("/plan", async (int region, string? format, DashboardTables tables, CancellationToken ct) =>
            await Scoped(async () => File(await tables.PlanAsync(region, ct), format)));
        exports.MapGet("/dynamics", async (int region, int current, int? @base, string? format, DashboardTables tables, CancellationToken ct) =>
            await Scoped(async () => File(await tables.DynamicsAsync(region, current, @base, ct), format)));
        exports.MapGet("/quality", async (int region, string? format, DashboardTables tables, CancellationToken ct) =>
            await Scoped(async () => File(await tables.QualityAsync(region, ct), format)));
        exports.MapGet("/collection", async (int campaign, string? format, DashboardTables tables, CancellationToken ct) =>
            await Scoped(async () => File(await tables.CollectionAsync(campaign, ct), format)));
        exports.MapGet("/chase", async (int campaign, string? show, string? format, DashboardTables tables, CancellationToken ct) =>
            await Scoped(async () => File(await tables.ChaseAsync(campaign, show, ct), format)));
        exports.MapGet("/submissions", async (int campaign, int municipality, string? format, DashboardTables tables, CancellationToken ct) =>
            await Scoped(async () => File(await tables.SubmissionsAsync(campaign, municipality, ct), format)));

        // A deck as an editable .pptx: the saved one (by id or share link) or the one generated for a territory.
        exports.MapGet("/deck", async (int? region, int? municipality, int? campaign, int? deck, Guid? shared,
            Services.Presentation.DeckLoader decks, CancellationToken ct) =>
        {
            TerritoryRef? territory = (region, municipality) switch
            {
                ({ } r, null) => TerritoryRef.Region(r),
                (null, { } m) => TerritoryRef.Municipality(m),
                _ => null,
            };
            if (territory is null && deck is null && shared is null)
                return Results.Text("Укажите регион, муниципалитет или презентацию.", statusCode: StatusCodes.Status400BadRequest);
            return await Scoped(async () =>
            {
                var loaded = await decks.LoadAsync(new Services.Presentation.DeckRequest(deck, shared, territory, campaign), ct);
                return (IResult)Results.File(Services.Presentation.Pptx.PptxWriter.Write(loaded), Services.Presentation.Pptx.PptxWriter.ContentType,
                    Services.Presentation.Pptx.PptxWriter.FileName(loaded));
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
