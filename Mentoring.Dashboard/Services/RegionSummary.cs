namespace Mentoring.Dashboard.Services;

public sealed record RegionSummary(
    int Id, string Code, string Name, int Municipalities, int Organisations, int SyntheticOrganisations,
    IReadOnlyList<CampaignInfo> Campaigns, int IndicatorsWithData)
{
    /// <summary>At most this many municipalities are named where a region's data covers them.</summary>
    public const int NamedCoverage = 3;

    /// <summary>
    /// The municipalities the region's reports cover, named when they are few (Krasnoyarsk's report covers one city,
    /// Stary Oskol's one okrug): a heading that says «Красноярский край» must say the data are of «город Красноярск».
    /// </summary>
    public IReadOnlyList<string> CoveredMunicipalities { get; init; } = [];

    /// <summary>Organisations the region runs itself (Tomsk's 5 «областные государственные»), counted apart from the municipalities.</summary>
    public int RegionalStateOrganisations { get; init; }

    /// <summary>«20 муниципалитетов и 5 областных гос. организаций», or just the municipalities.</summary>
    public string TerritoriesText => Format.Plural(Municipalities, "муниципалитет", "муниципалитета", "муниципалитетов")
        + (RegionalStateOrganisations > 0 ? " и " + Format.Plural(RegionalStateOrganisations, "областная гос. организация", "областные гос. организации", "областных гос. организаций") : "");

    /// <summary>«данные: город Красноярск», or empty when the data cover more municipalities than are named.</summary>
    public string Coverage => CoveredMunicipalities.Count > 0 ? "данные: " + string.Join(", ", CoveredMunicipalities) : "";
}
