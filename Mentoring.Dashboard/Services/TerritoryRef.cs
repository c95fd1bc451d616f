using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services;

/// <summary>Which territory a view is about.</summary>
public readonly record struct TerritoryRef(ObservationLevel Level, int Id)
{
    public static TerritoryRef Region(int id) => new(ObservationLevel.Region, id);
    public static TerritoryRef Municipality(int id) => new(ObservationLevel.Municipality, id);
    public static TerritoryRef Organisation(int id) => new(ObservationLevel.Organisation, id);
}
