namespace Mentoring.Dashboard.Data;

/// <summary>
/// A user's last visit to a region's page, with what the page showed then, so the next visit can say what changed:
/// figures, arrived reports, moves in the ranking. One row per user and region.
/// </summary>
public sealed class RegionVisit
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public int RegionId { get; set; }
    public DateTimeOffset SeenAt { get; set; }

    /// <summary>The figures and ranking seen (JSON of <see cref="Services.Analytics.RegionSnapshot"/>).</summary>
    public string SnapshotJson { get; set; } = "{}";
}
