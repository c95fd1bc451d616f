using System.Security.Claims;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Presentation;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mentoring.Dashboard.Tests.Data;

/// <summary>
/// What the app keeps besides the figures, on each provider: accounts and lock-outs (Identity), the audit log, saved
/// decks, and the Data Protection keys that let a second instance read the first one's cookies.
/// </summary>
public abstract class StorageTests(SeededDatabase database)
{
    [Fact]
    public async Task Identity_CreatesAUser_ChecksThePassword_AndStoresALockout()
    {
        await using var services = IdentityServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "Kurator@Example.ru", Email = "Kurator@Example.ru", DisplayName = "Куратор Иванова", RegionId = await database.RegionIdAsync("krasnoyarsk") };

        Assert.True((await users.CreateAsync(user, "Strong-Pass-1!")).Succeeded);
        var found = await users.FindByEmailAsync("kurator@example.ru");
        Assert.NotNull(found);
        Assert.Equal("Куратор Иванова", found.DisplayName);
        Assert.True(await users.CheckPasswordAsync(found, "Strong-Pass-1!"));
        Assert.False(await users.CheckPasswordAsync(found, "Wrong-Pass-1!"));

        var until = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        Assert.True((await users.SetLockoutEndDateAsync(found, until)).Succeeded);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(until, (await db.Users.SingleAsync(u => u.Id == found.Id)).LockoutEnd);
    }

    [Fact]
    public async Task AnOverlongDisplayName_IsRefusedInRussian_AndNoAccountIsCreated()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddScoped(_ => database.Factory.CreateDbContext());
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<MentoringDbContext>();
        await using var provider = services.BuildServiceProvider();
        var admin = new FixedUser(TestUsers.For(Roles.Administrator));
        var users = new UserAdministration(provider.GetRequiredService<IServiceScopeFactory>(), admin,
            new AuditLog(database.Factory, admin, new Microsoft.AspNetCore.Http.HttpContextAccessor(), TimeProvider.System), TimeProvider.System);

        var result = await users.CreateAsync(new UserInput("long.name@test", new string('Я', 12_000), Roles.Administrator, null, null, null), "Strong-Pass-1!");

        Assert.Equal(["Имя пользователя — не длиннее 200 символов."], result.Errors);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "long.name@test"));
    }

    [Fact]
    public async Task AuditLog_ReadsBackWhatWasWritten_NewestFirst_WithItsTime()
    {
        var admin = TestUsers.For(Roles.Administrator);
        var clock = new ManualClock { Now = new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero) };
        var audit = new AuditLog(database.Factory, new FixedUser(admin), new Microsoft.AspNetCore.Http.HttpContextAccessor(), clock);
        var actor = $"storage-{Guid.NewGuid():N}@test";

        await audit.WriteAsync(AuditActions.SignIn, "вход", actor: actor);
        clock.Now += TimeSpan.FromMinutes(5);
        await audit.WriteAsync(AuditActions.SignOut, "выход", actor: actor);

        var entries = await audit.ReadAsync(new AuditFilter(Actor: actor, From: new DateOnly(2026, 11, 30)));
        Assert.Equal(["выход", "вход"], entries.Select(e => e.Target));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 20, 0, TimeSpan.Zero), entries[0].At);
    }

    [Fact]
    public async Task SavedDeck_IsListedForItsOwner_AndOpensByItsShareLink()
    {
        await using var services = IdentityServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var region = await database.RegionIdAsync("tomsk");
        var owner = new ApplicationUser { UserName = $"deck-{Guid.NewGuid():N}@test", Email = $"deck-{Guid.NewGuid():N}@test", DisplayName = "Петров Иван Сергеевич", Position = "Заместитель министра", Workplace = "Департамент общего образования", RegionId = region };
        Assert.True((await users.CreateAsync(owner)).Succeeded);
        var presenter = TestUsers.For(Roles.Presenter, region: region);
        ((ClaimsIdentity)presenter.Identity!).AddClaim(new Claim(ClaimTypes.NameIdentifier, owner.Id));
        var decks = new DeckStore(database.ScopedAs(presenter), new FixedUser(presenter), database.GuardAs(presenter), TimeProvider.System);

        var id = await decks.CreateAsync(TerritoryRef.Region(region), null, "Августовская конференция", [new SlideSetting("title", Title: "Итоги года")]);

        var mine = Assert.Single(await decks.ListMineAsync());
        Assert.Equal((id, "Августовская конференция", "Томская область"), (mine.Id, mine.Name, mine.Territory));
        var shared = await decks.GetSharedAsync(mine.ShareToken);
        Assert.Equal("Итоги года", Assert.Single(shared.Layout).Title);
        // The title slide names the author as their profile does.
        Assert.Equal(new Speaker("Петров Иван Сергеевич", "Заместитель министра", "Департамент общего образования"), shared.Author);
    }

    [Fact]
    public async Task AnAccountChangedOrLockedSinceSignIn_WritesNothing_UntilItSignsInAgain()
    {
        await using var services = IdentityServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var region = await database.RegionIdAsync("tomsk");
        var account = new ApplicationUser { UserName = $"stamp-{Guid.NewGuid():N}@test", Email = $"stamp-{Guid.NewGuid():N}@test", DisplayName = "Докладчик", RegionId = region };
        Assert.True((await users.CreateAsync(account)).Succeeded);
        // What a sign-in puts in the cookie: the account's id and its security stamp at that moment.
        async Task<ClaimsPrincipal> SignInAsync(string role)
        {
            var principal = TestUsers.For(role, region: region);
            var identity = (ClaimsIdentity)principal.Identity!;
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id));
            identity.AddClaim(new Claim(new ClaimsIdentityOptions().SecurityStampClaimType, (await users.GetSecurityStampAsync(account))!));
            return principal;
        }
        DeckStore Decks(ClaimsPrincipal user) => new(database.ScopedAs(user), new FixedUser(user), database.GuardAs(user), TimeProvider.System);
        PlanAdministration Plans(ClaimsPrincipal user) => new(database.ScopedAs(user), database.GuardAs(user), database.AuditAs(user), database.Feed);
        async Task<string> DeckNameAsync(int id)
        {
            await using var db = await database.Factory.CreateDbContextAsync();
            return await db.SavedDecks.Where(d => d.Id == id).Select(d => d.Name).SingleAsync();
        }
        var plan = new PlanValueInput(null, region, Mentoring.Domain.Indicators.IndicatorCatalogue.ProgrammeStudents511, null, 2030, 90, "Тест");
        // One's own profile is found by the sign-in name.
        UserAdministration Profiles(ClaimsPrincipal user) => new(services.GetRequiredService<IServiceScopeFactory>(), new FixedUser(new ClaimsPrincipal(new ClaimsIdentity(
            user.Claims.Where(c => c.Type != ClaimTypes.Name).Append(new Claim(ClaimTypes.Name, account.UserName!)), "test"))), database.AuditAs(user), TimeProvider.System);

        var presenter = await SignInAsync(Roles.Presenter);
        var admin = await SignInAsync(Roles.Administrator);
        var deck = await Decks(presenter).CreateAsync(TerritoryRef.Region(region), null, "До смены роли", [new SlideSetting("title")]);

        // The administrator changes the account (role, territory, password): its stamp changes. The open session writes nothing.
        Assert.True((await users.UpdateSecurityStampAsync(account)).Succeeded);
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => Decks(presenter).SaveAsync(deck, "После смены роли", [new SlideSetting("title")]));
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => Decks(presenter).SaveNotesAsync(deck, "title", "Заметка"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Plans(admin).SaveAsync(plan));
        Assert.Equal([AccountStamp.ChangedMessage], (await Profiles(presenter).UpdateOwnProfileAsync(new ProfileInput("Переименован", null, null))).Errors);
        Assert.Equal("До смены роли", await DeckNameAsync(deck));
        Assert.Equal("Докладчик", (await users.FindByIdAsync(account.Id))!.DisplayName);

        // Signed in again, as the account is now: it writes.
        await Decks(await SignInAsync(Roles.Presenter)).SaveAsync(deck, "После входа", [new SlideSetting("title")]);
        Assert.Equal("После входа", await DeckNameAsync(deck));
        Assert.Empty((await Profiles(await SignInAsync(Roles.Presenter)).UpdateOwnProfileAsync(new ProfileInput("Докладчик после входа", null, null))).Errors);
        await scope.ServiceProvider.GetRequiredService<MentoringDbContext>().Entry(account).ReloadAsync(); // the profile save changed its row
        Assert.Equal("Докладчик после входа", account.DisplayName);

        // Locked: nothing, with the stamp unchanged.
        Assert.True((await users.SetLockoutEnabledAsync(account, true)).Succeeded);
        Assert.True((await users.SetLockoutEndDateAsync(account, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(async () => await Decks(await SignInAsync(Roles.Presenter)).SaveAsync(deck, "Заблокирован", [new SlideSetting("title")]));
        Assert.Equal("После входа", await DeckNameAsync(deck));
    }

    [Fact]
    public async Task DataProtectionKeys_InTheDatabase_LetAnotherInstanceReadTheFirstOnesProtectedData()
    {
        await using var first = KeyServices();
        await using var second = KeyServices(); // another process on the same database
        var protectedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("Вход выполнен");

        Assert.Equal("Вход выполнен", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(protectedText));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
    }

    private ServiceProvider IdentityServices()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddScoped(_ => database.Factory.CreateDbContext());
        services.AddIdentityCore<ApplicationUser>(o => o.User.RequireUniqueEmail = true).AddRoles<IdentityRole>().AddEntityFrameworkStores<MentoringDbContext>();
        return services.BuildServiceProvider();
    }

    private ServiceProvider KeyServices()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddScoped(_ => database.Factory.CreateDbContext());
        services.AddDataProtection().SetApplicationName("Mentoring.Dashboard").PersistKeysToDbContext<MentoringDbContext>();
        return services.BuildServiceProvider();
    }
}

internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }
    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class StorageOnSqlite(SqliteSeededDatabase database) : StorageTests(database), IClassFixture<SqliteSeededDatabase>;

public sealed class StorageOnPostgreSql(PostgreSqlSeededDatabase database) : StorageTests(database), IClassFixture<PostgreSqlSeededDatabase>;
