using Microsoft.AspNetCore.Identity;

namespace Mentoring.Dashboard.Data;

/// <summary>A signed-in person, bound to the one territory their role needs (none for administrators).</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? RegionId { get; set; }
    public int? MunicipalityId { get; set; }
    public int? OrganisationId { get; set; }
}
