using System.Security.Claims;
using Mentoring.Dashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Security;

/// <summary>
/// Whether the signed-in account is still the one that signed in: not locked, and its security stamp (changed with
/// its role, territory or password) the same. An open circuit re-checks this only every minute; every write and export
/// checks it at once, so a locked user's open tab saves nothing.
/// </summary>
public static class AccountStamp
{
    public const string ChangedMessage = "Ваша учётная запись изменена или заблокирована: войдите снова. Данные не сохранены.";

    private static readonly string StampClaim = new ClaimsIdentityOptions().SecurityStampClaimType;

    public static async Task<bool> IsCurrentAsync(IQueryable<ApplicationUser> users, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
            return false;
        // Every sign-in of the app carries the stamp (its user store keeps one); principals made in code, as tests make
        // them, carry none and have no account to compare with.
        if (user.FindFirstValue(StampClaim) is not { } stamp)
            return true;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = await users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        return account is not null && account.SecurityStamp == stamp && !(account.LockoutEnd > now);
    }
}
