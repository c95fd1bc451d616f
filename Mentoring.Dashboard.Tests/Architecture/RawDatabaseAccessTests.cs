using System.Text.RegularExpressions;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Architecture;

/// <summary>
/// Every way past the region filters, found in the product's source: a context of every region, raw SQL, a connection
/// of its own. Each place that uses one is named here with why it may; a new one fails this test until it is.
/// (<see cref="Security.ScopeByConstructionTests"/> covers what the types are given.)
/// </summary>
public sealed partial class RawDatabaseAccessTests
{
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["Data/DatabaseInitializer.cs"] = "start-up: migrations, the seed, the demo accounts",
        ["Data/SqliteMentoringDbContext.cs"] = "its design-time factory for `dotnet ef`, which opens no database",
        ["Data/PostgreSqlMentoringDbContext.cs"] = "its design-time factory for `dotnet ef`, which opens no database",
        ["Data/CampaignVersion.cs"] = "the campaign's version, in the write's own transaction",
        ["Data/DatabaseProbe.cs"] = "the outage probe's `SELECT 1`",
        ["Data/ObservationInserter.cs"] = "bulk insert; refuses rows of regions its context does not reach",
        ["Data/SquashedMigrations.cs"] = "start-up: the migration history of a database from before the squash",
        ["Data/SqlitePragmas.cs"] = "SQLite's connection settings",
        ["Extensions/ServiceCollectionExtensions.cs"] = "the DI registration of the (fail-closed) plain factory",
        ["Services/Live/PostgreSqlFigureChangeFeed.cs"] = "its listening connection, and the catch-up of unheard versions for every region",
        ["Services/MonitoringQueries.cs"] = "the national summary's raw SQL, which names the scoped context's regions itself",
    };

    [Fact]
    public void RawAccessToTheDatabase_IsOnlyWhereItIsNamed()
    {
        var product = Path.Combine(DashboardApp.SolutionFolder(), "Mentoring.Dashboard");
        var found = Directory.EnumerateFiles(product, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(product, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .Where(f => RawAccess().IsMatch(File.ReadAllText(Path.Combine(product, f))))
            .Order().ToList();

        Assert.True(found.All(Allowed.ContainsKey), "Raw database access outside the named places:\n" + string.Join("\n", found.Where(f => !Allowed.ContainsKey(f))));
        // And the list holds no place that no longer needs it.
        Assert.Equal(Allowed.Keys.Order().ToList(), found);
    }

    [GeneratedRegex(@"\.EveryRegion\(|FromSql|SqlQuery|ExecuteSql|GetDbConnection|new NpgsqlConnection|new SqliteConnection|MentoringDatabase\.(Create|Factory)\(")]
    private static partial Regex RawAccess();
}
