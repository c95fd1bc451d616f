using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;

namespace Mentoring.Domain.Monitoring;

/// <summary>Where a monitoring round is: prepared, collecting organisations' figures, or closed (read-only).</summary>
public enum CampaignState
{
    Draft = 1,
    Collecting = 2,
    Closed = 3,
}

/// <summary>A monitoring round of a region: every figure belongs to one, so rounds can be compared.</summary>
public sealed class Campaign
{
    private Campaign() { }

    /// <summary>A round already held (the seeds' monitoring): closed, its figures published.</summary>
    public Campaign(Region region, string title, DateOnly asOf, string source)
    {
        Region = region;
        Title = title;
        AsOf = asOf;
        Source = source;
        State = CampaignState.Closed;
    }

    /// <summary>The source of a round collected in the system, as opposed to one loaded from a published report.</summary>
    public const string CollectedInSystem = "Сбор данных в системе мониторинга";

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public Region Region { get; private set; } = null!;

    /// <summary>E.g. "Мониторинг реализации ЦМН".</summary>
    public string Title { get; private set; } = "";

    /// <summary>"По состоянию на" date of the figures.</summary>
    public DateOnly AsOf { get; private set; }

    public string Source { get; private set; } = "";

    public CampaignState State { get; private set; }

    /// <summary>The day organisations are asked to have submitted by; none until an administrator sets it.</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>A deadline is set (or removed) while the round is prepared or collecting.</summary>
    public void SetDeadline(DateOnly? deadline)
    {
        if (State == CampaignState.Closed)
            throw new InvalidOperationException("A closed campaign has no deadline to change.");
        Deadline = deadline;
    }

    /// <summary>Codes of the indicators organisations report in this round, comma-separated; empty for rounds held before the app.</summary>
    public string CollectedIndicatorCodes { get; private set; } = "";

    public IReadOnlyList<Indicator> CollectedIndicators =>
        CollectedIndicatorCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => IndicatorCatalogue.TryGet(code, out var indicator) ? indicator : null)
            .OfType<Indicator>()
            .ToList();

    /// <summary>A new round, in draft until it starts collecting.</summary>
    public static Campaign Open(int regionId, string title, DateOnly asOf, IEnumerable<Indicator> indicators) => new()
    {
        RegionId = regionId,
        Title = title,
        AsOf = asOf,
        Source = CollectedInSystem,
        State = CampaignState.Draft,
        CollectedIndicatorCodes = string.Join(',', indicators.Select(i => i.Code)),
    };

    /// <summary>For rounds held before the app: which indicators organisations reported in them.</summary>
    public void RecordCollectedIndicators(IEnumerable<Indicator> indicators) =>
        CollectedIndicatorCodes = string.Join(',', indicators.Select(i => i.Code));

    public void StartCollecting()
    {
        if (State != CampaignState.Draft)
            throw new InvalidOperationException("Only a draft campaign starts collecting.");
        State = CampaignState.Collecting;
    }

    public void Close()
    {
        if (State != CampaignState.Collecting)
            throw new InvalidOperationException("Only a collecting campaign is closed.");
        State = CampaignState.Closed;
    }

    /// <summary>A round collected in the system may collect again after closing (one loaded from a report may not).</summary>
    public bool MayReopen => State == CampaignState.Closed && Source == CollectedInSystem;

    public void Reopen()
    {
        if (!MayReopen)
            throw new InvalidOperationException("Only a closed campaign collected in the system is reopened.");
        State = CampaignState.Collecting;
    }
}
