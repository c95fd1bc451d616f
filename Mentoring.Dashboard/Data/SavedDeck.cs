namespace Mentoring.Dashboard.Data;

/// <summary>
/// A presenter's deck: which territory and campaign it shows and how its slides are arranged (JSON of
/// <see cref="Services.Presentation.SlideSetting"/>). The figures are never stored: they are read live when shown.
/// </summary>
public sealed class SavedDeck
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public string Name { get; set; } = "";
    public int RegionId { get; set; }
    /// <summary>Null for a deck about the whole region.</summary>
    public int? MunicipalityId { get; set; }
    /// <summary>Null: always the latest campaign.</summary>
    public int? CampaignId { get; set; }
    public string LayoutJson { get; set; } = "[]";
    /// <summary>The secret part of the share link; the link still only shows what the viewer may see.</summary>
    public Guid ShareToken { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
