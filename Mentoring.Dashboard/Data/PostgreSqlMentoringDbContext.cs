using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mentoring.Dashboard.Data;

/// <summary>The PostgreSQL schema: its migrations are in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlMentoringDbContext(DbContextOptions options) : MentoringDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context PostgreSqlMentoringDbContext</c>; no database is opened.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMentoringDbContext>
{
    public PostgreSqlMentoringDbContext CreateDbContext(string[] args) =>
        (PostgreSqlMentoringDbContext)MentoringDatabase.Create(new(DatabaseProvider.PostgreSql, "Host=localhost;Database=design-time"));
}
