namespace Mentoring.Dashboard.Security;

/// <summary>Where each user starts after signing in: their own territory, under a name that says so.</summary>
public sealed record StartPage(string Href, string Title)
{
    /// <summary>All regions, with the progress of data entry: administrators (and anyone bound to no territory).</summary>
    public static readonly StartPage Regions = new("/", "Регионы");

    public static StartPage For(UserScope user) => user switch
    {
        { IsAdministrator: true } => Regions,
        { Role: Roles.Curator, OrganisationId: { } organisation } => new($"/organisations/{organisation}", "Моя организация"),
        { Role: Roles.MunicipalHead or Roles.Presenter, MunicipalityId: { } municipality } => new($"/municipalities/{municipality}", "Мой муниципалитет"),
        { Role: Roles.RegionalOfficial or Roles.Presenter, RegionId: { } region } => new($"/regions/{region}", "Мой регион"),
        _ => Regions,
    };
}
