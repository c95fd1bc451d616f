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
    /// <summary>The story in one slide: the findings of the slides before it.</summary>
    Summary = 11,
    /// <summary>Divides the story from the appendix.</summary>
    Appendix = 12,
    /// <summary>A municipality's organisations by the forms each implements, fewest first.</summary>
    Schools = 13,
}

/// <summary>A key figure with what makes it mean something: its change since the previous round and its plan.</summary>
public sealed record KeyFigure(SliceFigure Figure, SliceChange? Change, PlanSeries? Plan);

/// <summary>
/// One slide: its stable key (so a saved deck can hide, reorder and retitle it while its figures stay live), its kind
/// and the data it shows. Only the fields of its kind are filled. A story slide's title is the sentence that states
/// its finding («План 2023 г. выполнен по 5 из 7 показателей»); its topic is the small label above it.
/// </summary>
public sealed record Slide(string Key, SlideKind Kind, string Title)
{
    public string? Topic { get; init; }
    public string? Subtitle { get; init; }
    /// <summary>After the «Приложение» divider: the long lists, for questions and the handout.</summary>
    public bool IsAppendix { get; init; }
    public IReadOnlyList<KeyFigure> KeyFigures { get; init; } = [];
    /// <summary>The findings a summary slide repeats.</summary>
    public IReadOnlyList<string> Points { get; init; } = [];
    public IReadOnlyList<SliceFigure> Figures { get; init; } = [];
    public IReadOnlyList<PlanSeries> Plans { get; init; } = [];
    public IReadOnlyList<SliceChange> Changes { get; init; } = [];
    public IReadOnlyList<DynamicsLists> Lists { get; init; } = [];
    public string? BaseLabel { get; init; }
    public IReadOnlyList<ComparisonRow> Ranking { get; init; } = [];
    /// <summary>Rows of a long ranking left out, by the index of the shown row they come before.</summary>
    public IReadOnlyDictionary<int, int> RankingGaps { get; init; } = new Dictionary<int, int>();
    /// <summary>The viewer's own municipality (a municipal head's), shown and marked on the ranking wherever it stands.</summary>
    public int? OwnMunicipalityId { get; init; }
    /// <summary>Each ranked municipality's place by share, over the whole ranking (equal values share a place).</summary>
    public IReadOnlyDictionary<int, int> Places { get; init; } = new Dictionary<int, int>();
    public GroupChart? Chart { get; init; }
    public SchoolForms? Schools { get; init; }
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

    /// <summary>What every slide's footer says, on the page, in the handout and in the .pptx.</summary>
    public string Footer => $"{TerritoryName} · по состоянию на {Format.Date(Campaign.AsOf)}";
}
