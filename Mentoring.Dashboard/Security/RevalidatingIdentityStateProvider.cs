using System.Security.Claims;
using Mentoring.Dashboard.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mentoring.Dashboard.Security;

/// <summary>
/// An open dashboard (a live circuit) never sees the cookie again, so it re-checks the user's security stamp at the
/// cookie's interval: a locked account, or one whose role or territory changed, loses its old access in open tabs too.
/// A database that cannot answer is no verdict on the account: the session stays and is checked again next time.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptions<SecurityStampValidatorOptions> interval)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<RevalidatingIdentityStateProvider>();

    protected override TimeSpan RevalidationInterval => interval.Value.ValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.GetUserAsync(state.User);
            if (user is null || await users.IsLockedOutAsync(user))
                return false;
            if (!users.SupportsUserSecurityStamp)
                return true;
            var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            return stamp == await users.GetSecurityStampAsync(user);
        }
        catch (Exception e) when (DatabaseOutage.IsTemporary(e))
        {
            // The base class signs out on any exception; an outage of the database must not.
            logger.LogWarning("The account of an open session could not be re-checked ({Reason}); the session is kept", e.Message);
            return true;
        }
    }
}
