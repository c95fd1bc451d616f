namespace Mentoring.Domain.Territories;

public enum MunicipalityKind
{
    /// <summary>Городской округ (ГО).</summary>
    CityOkrug = 1,
    /// <summary>Муниципальный округ (МО).</summary>
    MunicipalOkrug = 2,
    /// <summary>Муниципальный район (МР).</summary>
    MunicipalDistrict = 3,
    /// <summary>Областные государственные организации: a group reported next to municipalities (Tomsk).</summary>
    RegionalStateGroup = 4,
}

/// <summary>
/// The seeds compare "городские округа" with "муниципальные округа и районы" (Kuzbass), so the two groups are a
/// first-class grouping of municipalities.
/// </summary>
public enum MunicipalityGroup
{
    CityOkrugs = 1,
    OkrugsAndDistricts = 2,
    RegionalState = 3,
}

public sealed class Municipality
{
    private Municipality() { }

    public Municipality(Region region, string name, MunicipalityKind kind)
    {
        Region = region;
        Name = name;
        Kind = kind;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public Region Region { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public MunicipalityKind Kind { get; private set; }

    public MunicipalityGroup Group => GroupOf(Kind);

    public ICollection<Organisation> Organisations { get; private set; } = new List<Organisation>();

    public static MunicipalityGroup GroupOf(MunicipalityKind kind) => kind switch
    {
        MunicipalityKind.CityOkrug => MunicipalityGroup.CityOkrugs,
        MunicipalityKind.RegionalStateGroup => MunicipalityGroup.RegionalState,
        _ => MunicipalityGroup.OkrugsAndDistricts,
    };
}
