using Mentoring.Dashboard.Data.DemoData;
using Mentoring.Dashboard.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// Brings the database to the current schema and, on first start, fills it with the demo data: the schema before the
/// app serves anything, the data while it already serves the sign-in page (<see cref="Extensions.StartupGate"/>).
/// </summary>
public static class DatabaseInitializer
{
    /// <summary>Demo password of the demo accounts (Development only; listed in README).</summary>
    public const string DemoPassword = "Demo-2026!";

    /// <summary>The whole of it, awaited (the administrator command).</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app) => await await app.BeginInitialisingDatabaseAsync();

    /// <summary>
    /// Brings the schema up to date and returns the work that fills the data (demo data, roles, demo accounts), already
    /// running. Everything needs the schema, the sign-in page's key included; only the filling is left to run while the
    /// app starts serving.
    /// </summary>
    public static async Task<Task> BeginInitialisingDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Instances starting together on one PostgreSQL database take turns: the first migrates and seeds, the others
        // find it done. The turn is held until the data is filled, not just the schema.
        var turn = await InitialisationTurn.TakeAsync(app.Services.GetRequiredService<DatabaseSettings>());
        try
        {
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<MentoringDbContext>>().EveryRegion().CreateDbContextAsync())
                await MentoringDatabase.MigrateAsync(db);
            // The sign-in page's antiforgery token needs a Data Protection key, kept in the database: made now, before
            // the demo data's long write (SQLite has one writer), so that the page does not wait for it.
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(DatabaseInitializer)).Protect([0]);
            logger.LogInformation("Database schema ready in {Elapsed} ms", watch.ElapsedMilliseconds);
        }
        catch
        {
            await turn.DisposeAsync();
            throw;
        }
        return Task.Run(async () =>
        {
            await using (turn)
                await FillAsync(app);
            logger.LogInformation("Database initialised in {Elapsed} ms", watch.ElapsedMilliseconds);
        });
    }

    private static async Task FillAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<MentoringDbContext>>().EveryRegion().CreateDbContextAsync())
            await DemoDataSeeder.SeedAsync(db);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Demo:CreateAccounts"))
            await CreateDemoAccountsAsync(services);
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
