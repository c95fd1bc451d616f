using System.Globalization;
using System.Security.Claims;

namespace Mentoring.Dashboard.Security;

/// <summary>Who the signed-in user is for access purposes: their role and the one territory it is bound to.</summary>
public sealed record UserScope(string? Role, int? RegionId, int? MunicipalityId, int? OrganisationId)
{
    public static readonly UserScope Anonymous = new(null, null, null, null);

    public bool IsAdministrator => Role == Roles.Administrator;

    /// <summary>The organisation a curator reports for; null for every other role.</summary>
    public int? CuratedOrganisationId => Role == Roles.Curator ? OrganisationId : null;

    public static UserScope From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return Anonymous;
        // A user has exactly one role; should several be assigned, the most powerful one is not assumed.
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        return new UserScope(role, Id(user, ApplicationClaimsFactory.RegionId), Id(user, ApplicationClaimsFactory.MunicipalityId),
            Id(user, ApplicationClaimsFactory.OrganisationId));
    }

    private static int? Id(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirst(type)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>Where a territory sits: its region, and its municipality and organisation where it has them.</summary>
public sealed record TerritoryPath(int RegionId, int? MunicipalityId = null, int? OrganisationId = null);

/// <summary>How much of a territory a user may see.</summary>
public enum TerritoryAccess
{
    /// <summary>Nothing: not its name, not its figures.</summary>
    None = 0,
    /// <summary>The territory's own figures, without the list of its municipalities or organisations.</summary>
    Aggregates = 1,
    /// <summary>Its figures and its children listed with theirs.</summary>
    Detail = 2,
}
