using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services;

public sealed record UserListItem(string Id, string Email, string DisplayName, string? Role, string Territory, bool IsLocked,
    int? RegionId, int? MunicipalityId, int? OrganisationId);

/// <summary>What an administrator sets for a user. The territory fields needed depend on the role.</summary>
public sealed record UserInput(string Email, string DisplayName, string Role, int? RegionId, int? MunicipalityId, int? OrganisationId);

public sealed record OperationResult(IReadOnlyList<string> Errors)
{
    public static readonly OperationResult Ok = new([]);
    public bool Succeeded => Errors.Count == 0;
    public static OperationResult Fail(params string[] errors) => new(errors);
}

public sealed record TerritoryOption(int Id, string Name);

/// <summary>What a user says about themselves: how a title slide names them.</summary>
public sealed record ProfileInput(string DisplayName, string? Position, string? Workplace);

/// <summary>
/// Account management: administrators only, checked here on every call, not just by the page; and each signed-in
/// user's own profile (name, position, organisation). Each operation runs in its own DI scope (a fresh UserManager
/// and context) and, where it writes several rows, in one transaction.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, ICurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UserListItem>> ListAsync()
    {
        await DemandAdministratorAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = await ContextAsync(scope);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToDictionaryAsync(x => x.UserId, x => x.Name);
        var names = await TerritoryNamesAsync(db);
        var now = time.GetUtcNow();
        return users.Select(u => new UserListItem(u.Id, u.Email ?? "", u.DisplayName, roles.GetValueOrDefault(u.Id),
                names(u.RegionId, u.MunicipalityId, u.OrganisationId), u.LockoutEnd > now, u.RegionId, u.MunicipalityId, u.OrganisationId))
            .ToList();
    }

    public async Task<OperationResult> CreateAsync(UserInput input, string password)
    {
        await DemandAdministratorAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = await ContextAsync(scope);
        var (territory, error) = await ResolveTerritoryAsync(db, input);
        if (error is not null)
            return OperationResult.Fail(error);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(), Email = input.Email.Trim(), EmailConfirmed = true, DisplayName = InputText.Line(input.DisplayName),
            RegionId = territory.RegionId, MunicipalityId = territory.MunicipalityId, OrganisationId = territory.OrganisationId,
        };
        // The user and their role are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, input.Role);
        if (!result.Succeeded)
            return new OperationResult(result.Errors.Select(e => e.Description).ToList());
        await transaction.CommitAsync();
        await audit.WriteAsync(AuditActions.UserCreated, user.Email!, $"роль: {Roles.DisplayName(input.Role)}; территория: {await DescribeAsync(db, territory)}");
        return OperationResult.Ok;
    }

    public async Task<OperationResult> UpdateAsync(string userId, UserInput input)
    {
        await DemandAdministratorAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = await ContextAsync(scope);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return OperationResult.Fail("Пользователь не найден.");
        var (territory, error) = await ResolveTerritoryAsync(db, input);
        if (error is not null)
            return OperationResult.Fail(error);

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DisplayName = InputText.Line(input.DisplayName);
        user.RegionId = territory.RegionId;
        user.MunicipalityId = territory.MunicipalityId;
        user.OrganisationId = territory.OrganisationId;
        var result = await users.UpdateAsync(user);
        var oldRoles = await users.GetRolesAsync(user);
        if (result.Succeeded && oldRoles.Count > 0)
            result = await users.RemoveFromRolesAsync(user, oldRoles);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, input.Role);
        // Signs the user out of existing sessions, so the new scope applies at once.
        if (result.Succeeded)
            result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
            return new OperationResult(result.Errors.Select(e => e.Description).ToList());
        await transaction.CommitAsync();
        await audit.WriteAsync(AuditActions.UserUpdated, user.Email!,
            $"роль: {string.Join(", ", oldRoles.Select(Roles.DisplayName))} → {Roles.DisplayName(input.Role)}; территория: {await DescribeAsync(db, territory)}");
        return OperationResult.Ok;
    }

    public async Task<OperationResult> SetLockedAsync(string userId, bool locked)
    {
        var me = await DemandAdministratorAsync();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return OperationResult.Fail("Пользователь не найден.");
        if (locked && user.UserName == me)
            return OperationResult.Fail("Нельзя заблокировать собственную учётную запись.");
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
            result = await users.ResetAccessFailedCountAsync(user);
        if (result.Succeeded && locked)
            result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
            return new OperationResult(result.Errors.Select(e => e.Description).ToList());
        await audit.WriteAsync(locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, user.Email!);
        return OperationResult.Ok;
    }

    public async Task<OperationResult> ResetPasswordAsync(string userId, string newPassword)
    {
        await DemandAdministratorAsync();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return OperationResult.Fail("Пользователь не найден.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
            return new OperationResult(result.Errors.Select(e => e.Description).ToList());
        await audit.WriteAsync(AuditActions.PasswordReset, user.Email!);
        return OperationResult.Ok;
    }

    /// <summary>Any signed-in user changes their own password.</summary>
    public async Task<OperationResult> ChangeOwnPasswordAsync(string currentPassword, string newPassword)
    {
        var name = (await currentUser.GetAsync()).Identity?.Name;
        if (name is null)
            return OperationResult.Fail("Войдите в систему.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(name);
        if (user is null)
            return OperationResult.Fail("Пользователь не найден.");
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
            return new OperationResult(result.Errors.Select(e => e.Description).ToList());
        await audit.WriteAsync(AuditActions.PasswordChanged, user.Email!);
        return OperationResult.Ok;
    }

    public async Task<ProfileInput> GetOwnProfileAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await OwnUserAsync(scope.ServiceProvider) ?? throw new InvalidOperationException("Not signed in.");
        return new ProfileInput(user.DisplayName, user.Position, user.Workplace);
    }

    /// <summary>Any signed-in user edits their own name, position and organisation; nothing else of theirs.</summary>
    public async Task<OperationResult> UpdateOwnProfileAsync(ProfileInput input)
    {
        var (name, position, workplace) = (InputText.Line(input.DisplayName), Blank(input.Position), Blank(input.Workplace));
        if (name.Length == 0)
            return OperationResult.Fail("Укажите имя.");
        if (new[] { name, position, workplace }.Any(s => s?.Length > MaxDisplayName))
            return OperationResult.Fail($"Имя, должность и организация — не длиннее {MaxDisplayName} символов каждое.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await OwnUserAsync(scope.ServiceProvider);
        if (user is null)
            return OperationResult.Fail("Войдите в систему.");
        // A write like any other: a locked account, or one changed since sign-in, changes nothing.
        if (!await AccountStamp.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<MentoringDbContext>().Users, await currentUser.GetAsync(), time.GetUtcNow()))
            return OperationResult.Fail(AccountStamp.ChangedMessage);
        (user.DisplayName, user.Position, user.Workplace) = (name, position, workplace);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            return new OperationResult(result.Errors.Select(e => e.Description).ToList());
        await audit.WriteAsync(AuditActions.ProfileChanged, user.Email!, $"{name}; {position}; {workplace}");
        return OperationResult.Ok;
    }

    private static string? Blank(string? text) => InputText.Line(text) is { Length: > 0 } line ? line : null;

    private async Task<ApplicationUser?> OwnUserAsync(IServiceProvider services) =>
        (await currentUser.GetAsync()).Identity?.Name is { } name
            ? await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(name)
            : null;

    public async Task<IReadOnlyList<TerritoryOption>> RegionsAsync()
    {
        await DemandAdministratorAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = await ContextAsync(scope);
        return await db.Regions.OrderBy(r => r.Name).Select(r => new TerritoryOption(r.Id, r.Name)).ToListAsync();
    }

    public async Task<IReadOnlyList<TerritoryOption>> MunicipalitiesAsync(int regionId)
    {
        await DemandAdministratorAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = await ContextAsync(scope);
        return await db.Municipalities.Where(m => m.RegionId == regionId).OrderBy(m => m.Name).Select(m => new TerritoryOption(m.Id, m.Name)).ToListAsync();
    }

    public async Task<IReadOnlyList<TerritoryOption>> OrganisationsAsync(int municipalityId)
    {
        await DemandAdministratorAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = await ContextAsync(scope);
        return await db.Organisations.Where(o => o.MunicipalityId == municipalityId).OrderBy(o => o.Name).Select(o => new TerritoryOption(o.Id, o.Name)).ToListAsync();
    }

    private sealed record Territory(int? RegionId, int? MunicipalityId, int? OrganisationId);

    public const int MaxDisplayName = 200;

    /// <summary>A user is bound to exactly the territory their role needs; the rest is derived from it.</summary>
    private static async Task<(Territory Territory, string? Error)> ResolveTerritoryAsync(MentoringDbContext db, UserInput input)
    {
        var none = new Territory(null, null, null);
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            return (none, "Укажите имя пользователя или название должности.");
        // The name travels in every request's sign-in cookie and on every page's app bar.
        if (InputText.Line(input.DisplayName).Length > MaxDisplayName)
            return (none, $"Имя пользователя — не длиннее {MaxDisplayName} символов.");
        if (!Roles.All.Contains(input.Role))
            return (none, "Выберите роль.");
        switch (input.Role)
        {
            case Roles.Administrator:
                return (none, null);
            case Roles.RegionalOfficial or Roles.Presenter when input.MunicipalityId is null:
                return input.RegionId is { } r && await db.Regions.AnyAsync(x => x.Id == r)
                    ? (new Territory(r, null, null), null)
                    : (none, "Для этой роли выберите регион.");
            case Roles.MunicipalHead or Roles.Presenter:
                var municipality = await db.Municipalities.Where(m => m.Id == input.MunicipalityId).Select(m => new { m.Id, m.RegionId }).FirstOrDefaultAsync();
                return municipality is null
                    ? (none, "Для этой роли выберите муниципалитет.")
                    : (new Territory(municipality.RegionId, municipality.Id, null), null);
            default:
                var organisation = await db.Organisations.Where(o => o.Id == input.OrganisationId)
                    .Select(o => new { o.Id, o.MunicipalityId, o.Municipality.RegionId }).FirstOrDefaultAsync();
                return organisation is null
                    ? (none, "Для куратора выберите образовательную организацию.")
                    : (new Territory(organisation.RegionId, organisation.MunicipalityId, organisation.Id), null);
        }
    }

    private static async Task<string> DescribeAsync(MentoringDbContext db, Territory t) =>
        (await TerritoryNamesAsync(db))(t.RegionId, t.MunicipalityId, t.OrganisationId);

    /// <summary>Names of every territory users are bound to, loaded once for a whole list.</summary>
    /// <summary>
    /// The Identity stores' context of this scope (their writes and these reads are one unit), limited to the signed-in
    /// user's regions like any data service's: every region, since only administrators get this far.
    /// </summary>
    private async Task<MentoringDbContext> ContextAsync(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<MentoringDbContext>();
        db.LimitTo(RegionFilter.For(UserScope.From(await currentUser.GetAsync())));
        return db;
    }

    private static async Task<Func<int?, int?, int?, string>> TerritoryNamesAsync(MentoringDbContext db)
    {
        var regions = await db.Regions.ToDictionaryAsync(r => r.Id, r => r.Name);
        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Id, m => m.Name);
        var organisations = await db.Organisations.Where(o => db.Users.Any(u => u.OrganisationId == o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        return (region, municipality, organisation) =>
        {
            if (organisation is { } o)
                return $"{organisations.GetValueOrDefault(o)}, {municipalities.GetValueOrDefault(municipality ?? 0)}";
            if (municipality is { } m)
                return municipalities.GetValueOrDefault(m) ?? "";
            return region is { } r ? regions.GetValueOrDefault(r) ?? "" : "все регионы";
        };
    }

    private async Task<string> DemandAdministratorAsync()
    {
        var user = await currentUser.GetAsync();
        if (!UserScope.From(user).IsAdministrator)
            throw new UnauthorizedAccessException("Only administrators manage users.");
        await using (var scope = scopes.CreateAsyncScope())
            if (!await AccountStamp.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<MentoringDbContext>().Users, user, time.GetUtcNow()))
                throw new UnauthorizedAccessException("The administrator's account changed since sign-in.");
        return user.Identity!.Name!;
    }
}
