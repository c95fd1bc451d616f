using Mentoring.Dashboard.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mentoring.Dashboard.Security;

/// <summary>
/// The sign-in cookie's periodic account re-check, except that a database that cannot answer leaves the cookie as it
/// is: the check runs again on the next request instead of the request failing or the user being signed out.
/// </summary>
public sealed class TolerantSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<ApplicationUser> signInManager,
    ILoggerFactory logger)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await base.ValidateAsync(context);
        }
        catch (Exception e) when (DatabaseOutage.IsTemporary(e))
        {
            Logger.LogWarning("The signed-in account could not be re-checked ({Reason}); the cookie is kept until the next request", e.Message);
        }
    }
}
