using Microsoft.AspNetCore.Identity;

namespace Mentoring.Dashboard.Data;

/// <summary>A signed-in person, bound to the one territory their role needs (none for administrators).</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>As a title slide names the speaker: «Начальник отдела общего образования».</summary>
    public string? Position { get; set; }
    /// <summary>Where the speaker works, as they write it (a curator's school is <see cref="OrganisationId"/>).</summary>
    public string? Workplace { get; set; }
    public int? RegionId { get; set; }
    public int? MunicipalityId { get; set; }
    public int? OrganisationId { get; set; }
}
