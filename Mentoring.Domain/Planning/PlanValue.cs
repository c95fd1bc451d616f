using Mentoring.Domain.Territories;

namespace Mentoring.Domain.Planning;

/// <summary>A yearly plan value of an indicator for a region (or one of its municipalities), e.g. 70 % in 2024.</summary>
public sealed class PlanValue
{
    public const int FirstYear = 2018;
    public const int LastYear = 2030;

    private PlanValue() { }

    public PlanValue(Region region, string indicatorCode, int year, decimal target, OrganisationKind? organisationKind, string source)
    {
        Region = region;
        IndicatorCode = indicatorCode;
        Year = year;
        Target = target;
        OrganisationKind = organisationKind;
        Source = source;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public Region Region { get; private set; } = null!;
    public string IndicatorCode { get; private set; } = "";

    /// <summary>The kind of organisations the plan is about; null = all.</summary>
    public OrganisationKind? OrganisationKind { get; private set; }

    public int Year { get; private set; }

    /// <summary>Percent for shares and facts, a number for counts.</summary>
    public decimal Target { get; private set; }

    public string Source { get; private set; } = "";

    public void Change(int year, decimal target)
    {
        Year = year;
        Target = target;
    }
}
