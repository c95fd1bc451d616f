using System.Security.Claims;
using Mentoring.Dashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mentoring.Dashboard.Security;

/// <summary>Puts the user's display name and territory into the sign-in cookie, so views need no extra lookup.</summary>
public sealed class ApplicationClaimsFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "display_name";
    public const string RegionId = "region_id";
    public const string MunicipalityId = "municipality_id";
    public const string OrganisationId = "organisation_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.RegionId is { } region)
            identity.AddClaim(new Claim(RegionId, region.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.MunicipalityId is { } municipality)
            identity.AddClaim(new Claim(MunicipalityId, municipality.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.OrganisationId is { } organisation)
            identity.AddClaim(new Claim(OrganisationId, organisation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
