using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;

namespace Mentoring.Domain.Monitoring;

public enum ObservationLevel
{
    Organisation = 1,
    Municipality = 2,
    Region = 3,
}

/// <summary>
/// One figure of one indicator in one campaign, at one level of the territory hierarchy. The seeds often publish
/// only municipal or regional figures, so an observation can sit at any level; the territory columns are
/// denormalised so that the database can aggregate organisation rows per municipality or region directly.
/// </summary>
public sealed class Observation
{
    private Observation() { }

    private Observation(Campaign campaign, Indicator indicator, ObservationLevel level, Figure figure, string source, bool isSynthetic)
    {
        Campaign = campaign;
        IndicatorCode = indicator.Code;
        Level = level;
        Numerator = figure.Numerator;
        Denominator = figure.Denominator;
        Value = figure.Value;
        LevelCode = figure.LevelCode;
        Source = source;
        IsSynthetic = isSynthetic;
        Region = campaign.Region;
        // The ids too, so a row can be written without EF's change tracking (for saved campaigns and territories).
        CampaignId = campaign.Id;
        RegionId = campaign.RegionId;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign Campaign { get; private set; } = null!;
    public string IndicatorCode { get; private set; } = "";
    public ObservationLevel Level { get; private set; }

    public int RegionId { get; private set; }
    public Region Region { get; private set; } = null!;
    public int? MunicipalityId { get; private set; }
    public Municipality? Municipality { get; private set; }
    public int? OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }

    /// <summary>
    /// The kind of organisations the figure covers: the organisation's own kind at organisation level; for a
    /// published aggregate, the kind it was published for (e.g. "школы" vs "учреждения доп. образования"); null = all.
    /// </summary>
    public OrganisationKind? OrganisationKind { get; private set; }

    /// <summary>For regional figures published for a group of municipalities (Kuzbass: ГО vs МО/МР); null = all.</summary>
    public MunicipalityGroup? MunicipalityGroup { get; private set; }

    public decimal? Numerator { get; private set; }
    public decimal? Denominator { get; private set; }
    public decimal? Value { get; private set; }

    /// <summary>For level indicators: the level of the organisation, or of a published count of organisations.</summary>
    public int? LevelCode { get; private set; }

    /// <summary>The document the figure was taken from, or the generator that produced it.</summary>
    public string Source { get; private set; } = "";

    /// <summary>True when the demo generator produced the figure rather than a seed publishing it.</summary>
    public bool IsSynthetic { get; private set; }

    public Figure Figure => new(Numerator, Denominator, Value, LevelCode);

    public static Observation ForOrganisation(Campaign campaign, Indicator indicator, Organisation organisation, Figure figure, string source, bool isSynthetic) =>
        new(campaign, indicator, ObservationLevel.Organisation, figure, source, isSynthetic)
        {
            Organisation = organisation,
            OrganisationId = organisation.Id,
            Municipality = organisation.Municipality,
            MunicipalityId = organisation.MunicipalityId,
            OrganisationKind = organisation.Kind,
        };

    public static Observation ForMunicipality(Campaign campaign, Indicator indicator, Municipality municipality, Figure figure, string source, OrganisationKind? organisationKind = null) =>
        new(campaign, indicator, ObservationLevel.Municipality, figure, source, isSynthetic: false)
        {
            Municipality = municipality,
            OrganisationKind = organisationKind,
        };

    public static Observation ForRegion(Campaign campaign, Indicator indicator, Figure figure, string source, OrganisationKind? organisationKind = null, MunicipalityGroup? municipalityGroup = null) =>
        new(campaign, indicator, ObservationLevel.Region, figure, source, isSynthetic: false)
        {
            OrganisationKind = organisationKind,
            MunicipalityGroup = municipalityGroup,
        };
}
