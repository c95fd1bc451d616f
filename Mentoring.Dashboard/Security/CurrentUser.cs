using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Mentoring.Dashboard.Security;

/// <summary>The signed-in user of the current circuit or request.</summary>
public interface ICurrentUser
{
    Task<ClaimsPrincipal> GetAsync();
}

/// <summary>
/// In a Blazor circuit (and its prerender) the user comes from the AuthenticationStateProvider; in a plain endpoint
/// (exports, health) from the HttpContext, since no authentication state is set there.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState, IHttpContextAccessor httpContext) : ICurrentUser
{
    public async Task<ClaimsPrincipal> GetAsync()
    {
        try
        {
            return (await authenticationState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            return httpContext.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        }
    }
}
