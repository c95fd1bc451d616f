using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mentoring.Dashboard.Data;

/// <summary>The SQLite schema: its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteMentoringDbContext(DbContextOptions options) : MentoringDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context SqliteMentoringDbContext</c>; no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMentoringDbContext>
{
    public SqliteMentoringDbContext CreateDbContext(string[] args) =>
        (SqliteMentoringDbContext)MentoringDatabase.Create(new(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
