using Mentoring.Dashboard.Services.Analytics;

namespace Mentoring.Dashboard.Services.Presentation;

public enum SlideKind
{
    Title = 1,
    KeyFigures = 2,
    Plan = 3,
    Dynamics = 4,
    Ranking = 5,
    Forms = 6,
    Documents = 7,
    Conclusions = 8,
    Recommendations = 9,
    Text = 10,
}

/// <summary>
/// One slide: its stable key (so a saved deck can hide, reorder and retitle it while its figures stay live), its kind
/// and the data it shows. Only the fields of its kind are filled.
/// </summary>
public sealed record Slide(string Key, SlideKind Kind, string Title)
{
    public string? Subtitle { get; init; }
    public IReadOnlyList<SliceFigure> Figures { get; init; } = [];
    public IReadOnlyList<PlanSeries> Plans { get; init; } = [];
    public IReadOnlyList<SliceChange> Changes { get; init; } = [];
    public IReadOnlyList<DynamicsLists> Lists { get; init; } = [];
    public string? BaseLabel { get; init; }
    public IReadOnlyList<ComparisonRow> Ranking { get; init; } = [];
    public GroupChart? Chart { get; init; }
    public IReadOnlyList<Conclusion> Conclusions { get; init; } = [];
    public IReadOnlyList<Recommendation> Recommendations { get; init; } = [];
    public string? Text { get; init; }

    /// <summary>What the presenter may say: shown in the presenter's view, never on the screen.</summary>
    public string? Notes { get; init; }

    public bool IsHidden { get; init; }
}

/// <summary>A deck for a territory and campaign: the slides in showing order (hidden ones included, flagged).</summary>
public sealed record Deck(string TerritoryName, CampaignInfo Campaign, IReadOnlyList<Slide> Slides)
{
    public IReadOnlyList<Slide> Visible => Slides.Where(s => !s.IsHidden).ToList();
}
