using System.Data.Common;
using Mentoring.Dashboard.Data;
using Mentoring.Domain.Indicators;

namespace Mentoring.Bench;

/// <summary>
/// The same figures as the product's queries, written by hand in SQL: what the database needs at least, without
/// EF Core, the territory checks or the domain's rules. Each returns the number of rows read, so nothing is skipped.
/// The SQL runs unchanged on SQLite and PostgreSQL (quoted names, @parameters, no boolean arithmetic).
/// </summary>
public static class HandSql
{
    private const string Sums = """
        SUM("Numerator"), SUM("Denominator"), SUM("Value"),
        SUM(CASE WHEN "Numerator" IS NOT NULL AND "Denominator" IS NOT NULL THEN 1 ELSE 0 END), COUNT(*),
        SUM(CASE WHEN "IsSynthetic" THEN 1 ELSE 0 END)
        """;

    public static DbConnection Connect(DatabaseSettings database) => database.Provider == DatabaseProvider.PostgreSql
        ? new Npgsql.NpgsqlConnection(database.ConnectionString)
        : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);

    public static async Task<int> RegionOverviewAsync(DbConnection c, int region, int campaign) =>
        await ReadAllAsync(c, """SELECT * FROM "Observations" WHERE "CampaignId" = @c AND "Level" = 3 AND "RegionId" = @r""", ("c", campaign), ("r", region))
        + await ReadAllAsync(c, $"""
            SELECT "IndicatorCode", "OrganisationKind", "LevelCode", {Sums} FROM "Observations"
            WHERE "CampaignId" = @c AND "RegionId" = @r AND "Level" = 1 GROUP BY "IndicatorCode", "OrganisationKind", "LevelCode"
            """, ("c", campaign), ("r", region))
        + await ReadAllAsync(c, $"""
            SELECT "IndicatorCode", "OrganisationKind", "LevelCode", {Sums} FROM "Observations"
            WHERE "CampaignId" = @c AND "RegionId" = @r AND "Level" = 2 GROUP BY "IndicatorCode", "OrganisationKind", "LevelCode"
            """, ("c", campaign), ("r", region));

    public static async Task<int> MunicipalityComparisonAsync(DbConnection c, int region, int campaign, string indicator) =>
        await ReadAllAsync(c, """
            SELECT m."Id", m."Name", m."Kind", (SELECT COUNT(*) FROM "Organisations" o WHERE o."MunicipalityId" = m."Id")
            FROM "Municipalities" m WHERE m."RegionId" = @r
            """, ("r", region))
        + await ReadAllAsync(c, """SELECT * FROM "Observations" WHERE "CampaignId" = @c AND "RegionId" = @r AND "IndicatorCode" = @i AND "Level" = 2""",
            ("c", campaign), ("r", region), ("i", indicator))
        + await ReadAllAsync(c, $"""
            SELECT "MunicipalityId", "OrganisationKind", "LevelCode", {Sums} FROM "Observations"
            WHERE "CampaignId" = @c AND "RegionId" = @r AND "IndicatorCode" = @i AND "Level" = 1
            GROUP BY "MunicipalityId", "OrganisationKind", "LevelCode"
            """, ("c", campaign), ("r", region), ("i", indicator));

    public static Task<int> OrganisationAsync(DbConnection c, int organisation, int campaign) =>
        ReadAllAsync(c, """SELECT * FROM "Observations" WHERE "CampaignId" = @c AND "Level" = 1 AND "OrganisationId" = @o""", ("c", campaign), ("o", organisation));

    public static async Task<int> NationalOverviewAsync(DbConnection c)
    {
        var codes = IndicatorCatalogue.All.Select((i, n) => ($"k{n}", (object)i.Code)).ToArray();
        return await ReadAllAsync(c, """
                SELECT r."Id", r."Code", r."Name",
                       (SELECT COUNT(*) FROM "Municipalities" m WHERE m."RegionId" = r."Id"),
                       (SELECT COUNT(*) FROM "Organisations" o JOIN "Municipalities" m ON m."Id" = o."MunicipalityId" WHERE m."RegionId" = r."Id"),
                       (SELECT COUNT(*) FROM "Organisations" o JOIN "Municipalities" m ON m."Id" = o."MunicipalityId" WHERE m."RegionId" = r."Id" AND o."IsSynthetic")
                FROM "Regions" r ORDER BY r."Name"
                """)
            + await ReadAllAsync(c, """SELECT "RegionId", "Id", "Title", "AsOf", "Source" FROM "Campaigns" """)
            + await ReadAllAsync(c, $"""
                SELECT x."RegionId", COUNT(DISTINCT x.Code)
                FROM (SELECT c."RegionId", code.column1 AS Code,
                             (SELECT 1 FROM "Observations" o WHERE o."CampaignId" = c."Id" AND o."IndicatorCode" = code.column1 LIMIT 1) AS Found
                      FROM "Campaigns" c CROSS JOIN (VALUES {string.Join(", ", codes.Select(k => $"(@{k.Item1})"))}) AS code) x
                WHERE x.Found IS NOT NULL
                GROUP BY x."RegionId"
                """, codes);
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<int> ReadAllAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
                _ = reader.GetValue(i);
            rows++;
        }
        return rows;
    }
}
