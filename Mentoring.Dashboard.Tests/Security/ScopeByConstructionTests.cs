using System.Reflection;
using System.Security.Claims;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Planning;
using Mentoring.Domain.Territories;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>
/// The region is enforced by construction: the data services and pages reach the database only through
/// <see cref="ScopedDbContextFactory"/>, whose contexts read and save nothing of another region — whatever the query,
/// and whether or not it asked the territory guard first.
/// </summary>
public abstract class ScopeByConstructionTests(SeededDatabase database)
{
    /// <summary>
    /// The only types that may hold the plain factory, a context or a way to resolve one (a service provider): the
    /// database's own plumbing and the demo seeder, the scoped factory itself, the audit log (its entries belong to no region; only administrators read them) and the PostgreSQL change
    /// feed (it listens on a connection, it reads no rows).
    /// </summary>
    private static readonly HashSet<Type> MayUseThePlainFactory =
    [
        typeof(ScopedDbContextFactory), typeof(DatabaseInitializer), typeof(Dashboard.Data.DemoData.DemoDataBuilder), typeof(Services.AuditLog),
        // Where contexts are made, and «every region» said by name (MentoringDatabase.EveryRegion).
        typeof(MentoringDatabase),
        typeof(Services.Live.PostgreSqlFigureChangeFeed),
        // The DI registrations themselves (their factories take the service provider).
        typeof(Extensions.ServiceCollectionExtensions),
        // Identity's own scope (UserManager and its context): the sign-in's revalidation, and user administration,
        // which is for administrators only, who read every region anyway.
        typeof(RevalidatingIdentityStateProvider), typeof(Services.UserAdministration),
    ];

    [Fact]
    public void OnlyThePlumbingTakesAnUnscopedContext()
    {
        var offenders = typeof(MentoringDbContext).Assembly.GetTypes()
            .Where(t => !MayUseThePlainFactory.Contains(t.DeclaringType ?? t) && !MayUseThePlainFactory.Contains(t) && t.Namespace?.Contains(".Migrations", StringComparison.Ordinal) != true)
            .SelectMany(t => Dependencies(t).Where(IsUnscoped).Select(d => $"{t.FullName} takes {d.Name}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Unscoped database access:\n" + string.Join("\n", offenders));
    }

    /// <summary>
    /// What a type is given: its constructors' parameters, the services a component injects, and what an endpoint's
    /// handler (a lambda, compiled into a closure class) asks for. A helper handed a context by its caller
    /// (<see cref="ObservationInserter"/>) is not a way in; a factory as any method's parameter is.
    /// </summary>
    private static IEnumerable<Type> Dependencies(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var isClosure = type.Name.Contains("<>c", StringComparison.Ordinal);
        return type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetProperties(all).Where(p => p.GetCustomAttribute<InjectAttribute>() is not null).Select(p => p.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType)
                .Where(t => isClosure || typeof(IDbContextFactory<MentoringDbContext>).IsAssignableFrom(t)));
    }

    private static bool IsUnscoped(Type type) =>
        typeof(MentoringDbContext).IsAssignableFrom(type) || typeof(IDbContextFactory<MentoringDbContext>).IsAssignableFrom(type)
        || type == typeof(IServiceProvider) || type == typeof(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory);

    [Fact]
    public async Task AUserOfOneRegion_ReadsThatRegionsRowsAndNoOthers_WhateverTheQuery()
    {
        var krasnodar = await database.RegionIdAsync("krasnodar");
        var official = TestUsers.For(Roles.RegionalOfficial, krasnodar);
        var expected = await CountsAsync(database.Factory, krasnodar);

        await using var db = await database.ScopedAs(official).CreateDbContextAsync();

        // Queries that never ask the territory guard, and that name another region outright.
        Assert.Equal(["krasnodar"], await db.Regions.Select(r => r.Code).ToListAsync());
        Assert.Equal(expected, await CountsAsync(db));
        Assert.Equal(0, await db.Observations.CountAsync(o => o.Region.Code == "tomsk"));
        Assert.Equal(0, await db.Organisations.CountAsync(o => o.Municipality.Region.Code == "tomsk"));
        Assert.Null(await db.Municipalities.FirstOrDefaultAsync(m => m.Name == "город Томск"));
        // The demo region's own rows: 44 municipalities, 1287 organisations.
        // (Other tests of the shared database open rounds there, so only the seeded territory is pinned.)
        Assert.Equal((44, 1287), (expected.Municipalities, expected.Organisations));
        // Krasnodar has no reports of its own yet; Krasnoyarsk's open round has, and the official sees none of them.
        Assert.NotEqual(0, (await CountsAsync(database.Factory, await database.RegionIdAsync("krasnoyarsk"))).Submissions);
    }

    [Fact]
    public async Task AnAdministratorReadsEveryRegion_AndAVisitorNone()
    {
        var all = await CountsAsync(database.Factory, null);

        await using (var admin = await database.ScopedAs(TestUsers.For(Roles.Administrator)).CreateDbContextAsync())
            Assert.Equal(all, await CountsAsync(admin));
        await using (var visitor = await database.ScopedAs(TestUsers.Anonymous).CreateDbContextAsync())
            Assert.Equal(new RowCounts(0, 0, 0, 0, 0, 0, 0, 0), await CountsAsync(visitor));
        // A curator without a region (an account half set up) is a visitor too.
        await using (var adrift = await database.ScopedAs(TestUsers.For(Roles.Curator)).CreateDbContextAsync())
            Assert.Equal(0, await adrift.Observations.CountAsync());
    }

    [Fact]
    public async Task AContextNotToldItsScope_ReadsNoRegion_AndSavesIntoNone()
    {
        var nothing = new RowCounts(0, 0, 0, 0, 0, 0, 0, 0);
        var krasnodar = await database.RegionIdAsync("krasnodar");
        // The app's plain factory, as DI holds it, and a context straight from the settings: neither was given a scope.
        var plain = MentoringDatabase.Factory(database.Settings);
        await using (var db = await plain.CreateDbContextAsync())
            Assert.Equal(nothing, await CountsAsync(db));
        await using (var db = MentoringDatabase.Create(database.Settings))
            Assert.Equal(nothing, await CountsAsync(db));

        Region region;
        await using (var every = await database.Factory.CreateDbContextAsync())
            region = await every.Regions.AsNoTracking().SingleAsync(r => r.Id == krasnodar);
        await using (var db = await plain.CreateDbContextAsync())
        {
            db.Regions.Attach(region);
            db.PlanValues.Add(new PlanValue(region, Mentoring.Domain.Indicators.IndicatorCatalogue.FormTeacherTeacher, 2030, 50m, null, "тест"));
            await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => db.SaveChangesAsync());
        }
        // «Every region» is said by name, and then it is every region.
        await using (var db = await plain.EveryRegion().CreateDbContextAsync())
            Assert.Equal(await CountsAsync(database.Factory, null), await CountsAsync(db));
    }

    [Fact]
    public async Task ASaveIntoAnotherRegion_IsRefused_AndOneIntoTheOwnRegionIsNot()
    {
        var (krasnodar, tomsk) = (await database.RegionIdAsync("krasnodar"), await database.RegionIdAsync("tomsk"));
        var official = TestUsers.For(Roles.RegionalOfficial, krasnodar);
        var tomskCampaign = await database.LatestCampaignIdAsync("tomsk");
        var tomskSchool = await FirstOrganisationAsync(tomsk);
        var before = await CountsAsync(database.Factory, tomsk);

        // Each write is given what it needs read past the filter, through the plain factory, as a forged request would.
        await using var plain = await database.Factory.CreateDbContextAsync();
        var tomskRegion = await plain.Regions.AsNoTracking().SingleAsync(r => r.Id == tomsk);
        var tomskCity = await plain.Organisations.AsNoTracking().Where(o => o.Id == tomskSchool).Select(o => o.Municipality).SingleAsync();
        var tomskCampaignRow = await plain.Campaigns.AsNoTracking().SingleAsync(c => c.Id == tomskCampaign);
        var tomskObservation = await plain.Observations.AsNoTracking().FirstAsync(o => o.RegionId == tomsk);

        async Task RefusedAsync(Action<MentoringDbContext> write)
        {
            await using var db = await database.ScopedAs(official).CreateDbContextAsync();
            write(db);
            await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => db.SaveChangesAsync());
        }

        await RefusedAsync(db =>
        {
            db.Regions.Attach(tomskRegion);
            db.PlanValues.Add(new PlanValue(tomskRegion, Mentoring.Domain.Indicators.IndicatorCatalogue.FormTeacherTeacher, 2030, 50m, null, "тест"));
        });
        await RefusedAsync(db => db.Submissions.Add(new Submission(tomskCampaign, tomskSchool)));
        await RefusedAsync(db =>
        {
            db.Municipalities.Attach(tomskCity);
            db.Organisations.Add(new Organisation(tomskCity, "Школа-призрак", OrganisationKind.School, isSynthetic: false));
        });
        await RefusedAsync(db =>
        {
            db.Campaigns.Attach(tomskCampaignRow);
            db.Entry(tomskCampaignRow).Property(c => c.Title).CurrentValue = "захвачено";
        });
        await using (var db = await database.ScopedAs(official).CreateDbContextAsync())
            await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => ObservationInserter.InsertAsync(db, [tomskObservation]));

        Assert.Equal(before, await CountsAsync(database.Factory, tomsk));
        Assert.Equal(0, await plain.Campaigns.CountAsync(c => c.Title == "захвачено"));

        // The same write into the official's own region goes through (rolled back, so the shared database stays as seeded).
        await using (var db = await database.ScopedAs(official).CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var own = await db.Regions.SingleAsync(r => r.Id == krasnodar);
            db.PlanValues.Add(new PlanValue(own, Mentoring.Domain.Indicators.IndicatorCatalogue.FormTeacherTeacher, 2030, 50m, null, "тест"));
            Assert.Equal(1, await db.SaveChangesAsync());
            await transaction.RollbackAsync();
        }
    }

    private async Task<int> FirstOrganisationAsync(int regionId)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.Organisations.Where(o => o.Municipality.RegionId == regionId).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    }

    private sealed record RowCounts(int Municipalities, int Organisations, int Campaigns, int Observations, int Submissions, int PlanValues, int Regions,
        int Statements);

    /// <summary>The rows of every filtered table as the plain factory sees them, of one region or (null) of all.</summary>
    private static async Task<RowCounts> CountsAsync(IDbContextFactory<MentoringDbContext> factory, int? regionId)
    {
        await using var db = await factory.CreateDbContextAsync();
        bool In(int region) => regionId is null || region == regionId;
        var campaigns = await db.Campaigns.Select(c => new { c.Id, c.RegionId }).ToListAsync();
        var ofRegion = campaigns.Where(c => In(c.RegionId)).Select(c => c.Id).ToHashSet();
        return new RowCounts(
            (await db.Municipalities.Select(m => m.RegionId).ToListAsync()).Count(In),
            (await db.Organisations.Select(o => o.Municipality.RegionId).ToListAsync()).Count(In),
            ofRegion.Count,
            (await db.Observations.GroupBy(o => o.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Where(g => In(g.Key)).Sum(g => g.Count),
            (await db.Submissions.Select(s => s.CampaignId).ToListAsync()).Count(ofRegion.Contains),
            (await db.PlanValues.Select(p => p.RegionId).ToListAsync()).Count(In),
            (await db.Regions.Select(r => r.Id).ToListAsync()).Count(In),
            (await db.SourceStatements.Select(s => s.RegionId).ToListAsync()).Count(In));
    }

    /// <summary>The same counts as a scoped context sees them, with no region named.</summary>
    private static async Task<RowCounts> CountsAsync(MentoringDbContext db) => new(
        await db.Municipalities.CountAsync(), await db.Organisations.CountAsync(), await db.Campaigns.CountAsync(), await db.Observations.CountAsync(),
        await db.Submissions.CountAsync(), await db.PlanValues.CountAsync(), await db.Regions.CountAsync(), await db.SourceStatements.CountAsync());
}

[Collection(SqliteDatabaseCollection.Name)]
public sealed class ScopeByConstructionOnSqlite(SqliteSeededDatabase database) : ScopeByConstructionTests(database);

[Collection(PostgreSqlDatabaseCollection.Name)]
public sealed class ScopeByConstructionOnPostgreSql(PostgreSqlSeededDatabase database) : ScopeByConstructionTests(database);
