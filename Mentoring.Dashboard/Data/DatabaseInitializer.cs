using Mentoring.Dashboard.Data.DemoData;
using Mentoring.Dashboard.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Data;

/// <summary>Brings the database to the current schema and, on first start, fills it with the demo data.</summary>
public static class DatabaseInitializer
{
    /// <summary>Demo password of the demo accounts (Development only; listed in README).</summary>
    public const string DemoPassword = "Demo-2026!";

    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var factory = services.GetRequiredService<IDbContextFactory<MentoringDbContext>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Instances starting together on one PostgreSQL database take turns: the first migrates and seeds, the others find it done.
        await using var turn = await InitialisationTurn.TakeAsync(services.GetRequiredService<DatabaseSettings>());
        await using (var db = await factory.EveryRegion().CreateDbContextAsync())
        {
            await MentoringDatabase.MigrateAsync(db);
            logger.LogInformation("Database schema ready in {Elapsed} ms", watch.ElapsedMilliseconds);
            await DemoDataSeeder.SeedAsync(db);
            logger.LogInformation("Demo data ready in {Elapsed} ms", watch.ElapsedMilliseconds);
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Demo:CreateAccounts"))
            await CreateDemoAccountsAsync(services);
        logger.LogInformation("Database initialised in {Elapsed} ms", watch.ElapsedMilliseconds);
    }

    /// <summary>One account per kind of user, bound to a demo territory (README lists them).</summary>
    private static async Task CreateDemoAccountsAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = await services.GetRequiredService<IDbContextFactory<MentoringDbContext>>().EveryRegion().CreateDbContextAsync();
        var krasnodar = await db.Regions.SingleAsync(r => r.Code == "krasnodar");
        var anapa = await db.Municipalities.SingleAsync(m => m.Name == "город-курорт Анапа");
        var krasnoyarsk = await db.Regions.SingleAsync(r => r.Code == "krasnoyarsk");
        var school = await db.Organisations.SingleAsync(o => o.Name == "СШ № 50" && o.Municipality.RegionId == krasnoyarsk.Id);

        (string Email, string Name, string Role, int? Region, int? Municipality, int? Organisation)[] accounts =
        [
            ("admin@demo.local", "Администратор системы", Roles.Administrator, null, null, null),
            ("minobr@demo.local", "Специалист министерства (Краснодарский край)", Roles.RegionalOfficial, krasnodar.Id, null, null),
            ("anapa@demo.local", "Управление образования г.-к. Анапа", Roles.MunicipalHead, krasnodar.Id, anapa.Id, null),
            ("curator@demo.local", "Куратор СШ № 50 (г. Красноярск)", Roles.Curator, krasnoyarsk.Id, school.MunicipalityId, school.Id),
            ("presenter@demo.local", "Докладчик (Краснодарский край)", Roles.Presenter, krasnodar.Id, null, null),
        ];
        // Every demo account has the same password: hash it once (a deliberately slow PBKDF2), not five times at start-up.
        string? passwordHash = null;
        foreach (var a in accounts)
        {
            if (await users.FindByEmailAsync(a.Email) is not null)
                continue;
            var user = new ApplicationUser
            {
                UserName = a.Email, Email = a.Email, EmailConfirmed = true, DisplayName = a.Name,
                RegionId = a.Region, MunicipalityId = a.Municipality, OrganisationId = a.Organisation,
            };
            user.PasswordHash = passwordHash ??= users.PasswordHasher.HashPassword(user, DemoPassword);
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                throw new InvalidOperationException("Demo account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, a.Role);
        }
    }
}

/// <summary>A PostgreSQL advisory lock held while one instance initialises the database (SQLite serves one instance).</summary>
internal sealed class InitialisationTurn(Npgsql.NpgsqlConnection? connection) : IAsyncDisposable
{
    private const long LockKey = 0x4d656e746f72; // "Mentor"

    public static async Task<InitialisationTurn> TakeAsync(DatabaseSettings database)
    {
        if (database.Provider != DatabaseProvider.PostgreSql)
            return new InitialisationTurn(null);
        // Unpooled: a pooled session would keep the lock until the pool reused it.
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection);
        await command.ExecuteNonQueryAsync();
        return new InitialisationTurn(connection);
    }

    /// <summary>Ending the session releases its advisory lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
            await connection.DisposeAsync();
    }
}
