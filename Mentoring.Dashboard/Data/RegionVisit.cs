using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// A user's visit to a territory's page (a region's, a municipality's or an organisation's), with what the page showed,
/// so that a later visit can say what changed: figures, arrived reports, rounds opened or closed, moves in the ranking.
/// One row per user, territory and day: the day's last visit is «прошлое посещение», earlier days answer «с даты».
/// </summary>
public sealed class RegionVisit
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The territory's region: the row is scoped, and removed with it, like everything of the region.</summary>
    public int RegionId { get; set; }

    public ObservationLevel Level { get; set; } = ObservationLevel.Region;
    public int TerritoryId { get; set; }

    /// <summary>The day of <see cref="SeenAt"/> (UTC): one row per day.</summary>
    public DateOnly Day { get; set; }

    public DateTimeOffset SeenAt { get; set; }

    /// <summary>The figures and ranking seen (JSON of <see cref="Services.Analytics.RegionSnapshot"/>).</summary>
    public string SnapshotJson { get; set; } = "{}";
}
