using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Data.DemoData;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Bench;

/// <summary>How big a generated dataset is.</summary>
public sealed record DatasetShape(string Name, int Regions, int MunicipalitiesPerRegion, int OrganisationsPerMunicipality)
{
    /// <summary>One extra region of ~1 500 organisations next to the five demo regions.</summary>
    public static readonly DatasetShape Region = new("region", 1, 60, 25);

    /// <summary>The federal view: with the five demo regions, 85 regions, ≈2 300 municipalities, ≈100 000 organisations.</summary>
    public static readonly DatasetShape National = new("national", 80, 28, 44);
}

/// <summary>
/// Writes a benchmark database through the product's own data layer (migrations, the demo seeder, the domain's
/// entities and EF Core): the five demo regions, then generated regions with municipalities of every kind,
/// organisations of every kind, five campaigns that together collect every organisation-level indicator of the
/// catalogue, published municipal and regional figures, and plan values to 2024. Deterministic: a fixed seed.
/// </summary>
public static class DatasetGenerator
{
    public const int CampaignsPerRegion = 5;
    private const string Source = "Генератор нагрузочных данных";

    /// <summary>Organisation-level indicators, spread over the campaigns so that together they cover the catalogue.</summary>
    private static readonly Indicator[] OrganisationIndicators = IndicatorCatalogue.All
        .Where(i => i.Group != IndicatorGroup.RegionalProgramme && i.Code is not (IndicatorCatalogue.PeopleTrained or IndicatorCatalogue.TrainingProgrammes))
        .ToArray();

    /// <summary>The dataset as a SQLite file in <paramref name="folder"/>, generated on first use.</summary>
    public static async Task<DatabaseSettings> EnsureAsync(DatasetShape shape, string folder)
    {
        var path = Path.Combine(folder, $"{shape.Name}-v1.db");
        if (File.Exists(path))
        {
            // A dataset generated before a schema change is brought up to date (the generated rows stay valid).
            await using var cached = MentoringDatabase.Create(BenchDatabase.Sqlite(path));
            await MentoringDatabase.MigrateAsync(cached);
            return BenchDatabase.Sqlite(path);
        }
        Directory.CreateDirectory(folder);
        var building = path + ".building";
        File.Delete(building);
        await GenerateAsync(BenchDatabase.Sqlite(building), shape);
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return BenchDatabase.Sqlite(path);
    }

    /// <summary>The same dataset (same seed, same rows) as a database on the benchmark's PostgreSQL server.</summary>
    public static async Task<DatabaseSettings> EnsureAsync(DatasetShape shape, LocalPostgreSql server)
    {
        var name = $"bench_{shape.Name}_v1";
        if (!await server.ExistsAsync(name))
        {
            var building = await server.CreateDatabaseAsync("bench_building");
            await GenerateAsync(new(DatabaseProvider.PostgreSql, building), shape);
            NpgsqlConnection.ClearAllPools();
            await server.ExecuteAsync($"ALTER DATABASE \"{new NpgsqlConnectionStringBuilder(building).Database}\" RENAME TO \"{name}\"");
            // Fresh statistics for the planner, as a long-running server would have.
            await using var analyse = MentoringDatabase.Create(new(DatabaseProvider.PostgreSql, server.ConnectionString(name)));
            await analyse.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
        var database = new DatabaseSettings(DatabaseProvider.PostgreSql, server.ConnectionString(name));
        await using var cached = MentoringDatabase.Create(database);
        await MentoringDatabase.MigrateAsync(cached);
        return database;
    }

    private static async Task GenerateAsync(DatabaseSettings database, DatasetShape shape)
    {
        var factory = MentoringDatabase.Factory(database).EveryRegion();
        await using (var db = factory.CreateDbContext())
        {
            await MentoringDatabase.MigrateAsync(db);
            await DemoDataSeeder.SeedAsync(db);
        }
        var random = new Random(2024);
        for (var r = 0; r < shape.Regions; r++)
        {
            await using var db = factory.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var builder = new DemoDataBuilder(db);
            Region(builder, shape, r, random);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await builder.SaveAsync();
            await transaction.CommitAsync();
            Console.Write($"\r  {shape.Name} ({BenchDatabase.Label(database)}): регион {r + 1} из {shape.Regions}");
        }
        Console.WriteLine();
    }

    private static void Region(DemoDataBuilder b, DatasetShape shape, int number, Random random)
    {
        var region = b.Region($"bench-{shape.Name}-{number + 1:000}", $"Регион {number + 1} (нагрузочные данные)", Source);
        var campaigns = Enumerable.Range(0, CampaignsPerRegion)
            .Select(c => b.Campaign(region, $"Мониторинг {2020 + c} года", new DateOnly(2020 + c, 12, 1), Source))
            .ToList();
        b.Plan(region, IndicatorCatalogue.StudentMentees, null, Source, [(2022, 35), (2023, 50), (2024, 70)]);
        b.Plan(region, IndicatorCatalogue.FormTeacherTeacher, null, Source, [(2022, 100)]);

        // Mostly districts, some city okrugs and municipal okrugs, like the demo regions.
        for (var m = 0; m < shape.MunicipalitiesPerRegion; m++)
        {
            var kind = (m % 7) switch { 0 => MunicipalityKind.CityOkrug, 1 or 2 => MunicipalityKind.MunicipalOkrug, _ => MunicipalityKind.MunicipalDistrict };
            var municipality = b.Municipality(region, $"Муниципалитет {m + 1}", kind);
            var size = Math.Max(3, shape.OrganisationsPerMunicipality + random.Next(-5, 6));
            var organisations = new List<Organisation>();
            var kinds = new[] { OrganisationKind.School, OrganisationKind.School, OrganisationKind.Preschool, OrganisationKind.Supplementary, OrganisationKind.School, OrganisationKind.College };
            for (var o = 0; o < size; o++)
                organisations.Add(b.Organisation(municipality, $"Организация № {o + 1}", kinds[o % kinds.Length], isSynthetic: true));

            for (var c = 0; c < campaigns.Count; c++)
            {
                var collected = OrganisationIndicators.Where((_, i) => i % CampaignsPerRegion == c).ToList();
                foreach (var indicator in collected)
                    foreach (var organisation in organisations)
                        b.AtOrganisation(campaigns[c], indicator.Code, organisation, Value(indicator, c, random), Source, isSynthetic: true);
                // A published municipal figure of the campaign's first indicator, as the seeds publish some.
                b.AtMunicipality(campaigns[c], collected[0].Code, municipality, Value(collected[0], c, random), Source);
            }
        }
        foreach (var campaign in campaigns)
            b.AtRegion(campaign, IndicatorCatalogue.ProgrammeStudents511, Figure.PercentOnly(random.Next(10, 70)), Source);
    }

    private static Figure Value(Indicator indicator, int campaign, Random random) => indicator.Kind switch
    {
        IndicatorKind.Fact => Figure.Fact(random.NextDouble() < 0.3 + 0.12 * campaign),
        IndicatorKind.Share => random.Next(10, 400) is var whole ? Figure.Share(random.Next(0, whole + 1), whole) : default,
        IndicatorKind.Count => Figure.Count(random.Next(0, 40)),
        _ => Figure.Level(random.Next(1, indicator.Levels!.Count + 1)),
    };
}
