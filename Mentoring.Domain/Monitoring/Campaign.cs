using Mentoring.Domain.Territories;

namespace Mentoring.Domain.Monitoring;

/// <summary>A monitoring round of a region: every figure belongs to one, so rounds can be compared.</summary>
public sealed class Campaign
{
    private Campaign() { }

    public Campaign(Region region, string title, DateOnly asOf, string source)
    {
        Region = region;
        Title = title;
        AsOf = asOf;
        Source = source;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public Region Region { get; private set; } = null!;

    /// <summary>E.g. "Мониторинг реализации ЦМН".</summary>
    public string Title { get; private set; } = "";

    /// <summary>"По состоянию на" date of the figures.</summary>
    public DateOnly AsOf { get; private set; }

    public string Source { get; private set; } = "";
}
