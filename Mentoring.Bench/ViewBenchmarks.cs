using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Data;

namespace Mentoring.Bench;

/// <summary>One view's data through the product's queries, next to hand-written SQL computing the same figures.</summary>
public sealed record ViewResult(string Dataset, string View, Timing Product, Timing Sql)
{
    public double Ratio => Product.Median / Sql.Median;
}

/// <summary>
/// The data behind the region overview, the municipality comparison, the organisation page and the national
/// overview, measured through <see cref="MonitoringQueries"/> (as an administrator, with the territory checks) and
/// through plain SQL on the same database in the same run: the practical limit for the same figures.
/// </summary>
public sealed class ViewBenchmarks(DatabaseSettings database, string dataset, int iterations)
{
    public async Task<IReadOnlyList<ViewResult>> RunAsync()
    {
        var services = new BenchServices(database);
        var queries = services.Queries;

        await using var sql = HandSql.Connect(database);
        await sql.OpenAsync();
        // The largest generated region.
        var regionId = await ScalarAsync(sql, """SELECT "Id" FROM "Regions" WHERE "Code" LIKE 'bench-%' ORDER BY "Id" DESC LIMIT 1""");
        var campaignId = await ScalarAsync(sql, """SELECT "Id" FROM "Campaigns" WHERE "RegionId" = @r ORDER BY "AsOf" DESC LIMIT 1""", ("r", regionId));
        var indicator = await TextAsync(sql, """SELECT "IndicatorCode" FROM "Observations" WHERE "CampaignId" = @c AND "Level" = 2 LIMIT 1""", ("c", campaignId));
        var organisationId = await ScalarAsync(sql, """SELECT "OrganisationId" FROM "Observations" WHERE "CampaignId" = @c AND "Level" = 1 LIMIT 1""", ("c", campaignId));

        // Every timed call computes the figures as after a change, never a result shared from the previous call.
        long version = 0;
        Task<T> Fresh<T>(Func<Task<T>> query)
        {
            services.Feed.Dispatch(new FigureChange(campaignId, regionId, new HashSet<int>(), new HashSet<int>()) { Version = ++version });
            return query();
        }

        var results = new List<ViewResult>
        {
            await CompareAsync("Обзор региона",
                () => Fresh(() => queries.GetFiguresAsync(campaignId, TerritoryRef.Region(regionId))),
                () => HandSql.RegionOverviewAsync(sql, regionId, campaignId)),
            await CompareAsync("Сравнение муниципалитетов",
                () => Fresh(() => queries.GetMunicipalityRowsAsync(regionId, campaignId, indicator)),
                () => HandSql.MunicipalityComparisonAsync(sql, regionId, campaignId, indicator)),
            await CompareAsync("Страница организации",
                () => Fresh(() => queries.GetFiguresAsync(campaignId, TerritoryRef.Organisation(organisationId))),
                () => HandSql.OrganisationAsync(sql, organisationId, campaignId)),
            await CompareAsync("Обзор всех регионов",
                () => queries.GetRegionsAsync(),
                () => HandSql.NationalOverviewAsync(sql)),
        };
        return results;
    }

    private async Task<ViewResult> CompareAsync<T>(string view, Func<Task<T>> product, Func<Task<int>> handSql)
    {
        var productTiming = await Harness.MeasureAsync(view, async () => await product(), iterations);
        var sqlTiming = await Harness.MeasureAsync(view + " (SQL)", async () => await handSql(), iterations);
        return new ViewResult(dataset, view, productTiming, sqlTiming);
    }

    private static async Task<int> ScalarAsync(System.Data.Common.DbConnection connection, string sql, params (string, object)[] parameters) =>
        Convert.ToInt32(await HandSql.Command(connection, sql, parameters).ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> TextAsync(System.Data.Common.DbConnection connection, string sql, params (string, object)[] parameters) =>
        (string)(await HandSql.Command(connection, sql, parameters).ExecuteScalarAsync())!;
}
