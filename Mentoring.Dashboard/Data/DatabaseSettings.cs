using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Data;

public enum DatabaseProvider
{
    /// <summary>One file next to the app: the embedded default, nothing to install.</summary>
    Sqlite,

    /// <summary>The server database: several dashboard instances share it and hear each other's changes.</summary>
    PostgreSql,
}

/// <summary>Which database the dashboard uses: <c>Database:Provider</c> and the <c>Mentoring</c> connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        var provider = string.IsNullOrEmpty(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"Database:Provider «{name}» is not one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        var connectionString = configuration.GetConnectionString("Mentoring")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=mentoring.db"
                : throw new InvalidOperationException("PostgreSQL needs ConnectionStrings:Mentoring."));
        return new DatabaseSettings(provider, connectionString);
    }
}
