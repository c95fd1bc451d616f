using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// The figure of one indicator for one slice of a territory (all organisations, or one kind, or one group of
/// municipalities): as published at that level, and as its children add up to. Both are kept; a difference is shown.
/// </summary>
public sealed record SliceFigure(
    Indicator Indicator,
    OrganisationKind? Kind,
    MunicipalityGroup? Group,
    Figure? Published,
    IReadOnlyDictionary<int, decimal>? PublishedLevels,
    Aggregate? FromChildren,
    bool ChildrenAreSynthetic)
{
    /// <summary>The slice's organisations in the register; null where unknown (an organisation's own figures).</summary>
    public Register? Register { get; init; }

    /// <summary>
    /// The figure to show: the published one where there is one (a published count of organisations read against the
    /// register: «1 007 из 1 287 ОО»), else what the children add up to.
    /// </summary>
    public Figure? Shown => PublishedShareOfRegister
        ?? Published
        ?? (FromChildren is { HasData: true } a && a.Indicator.Kind != IndicatorKind.Level ? a.Figure : null);

    /// <summary>
    /// A fact published as a bare count of organisations ("970 ОО implement …") as a share of the slice's organisations
    /// in the register, so territories of different sizes compare by share; null when the count exceeds the register.
    /// </summary>
    public Figure? PublishedShareOfRegister =>
        Indicator.Kind == IndicatorKind.Fact && Published is { Numerator: { } n, Denominator: null, Value: null }
        && Register is { Organisations: > 0 } r && n <= r.Organisations
            ? new Figure(n, r.Organisations, null)
            : null;

    /// <summary>The shown share's denominator is a register the demo generator filled (marked, never passed off as published).</summary>
    public bool IsDenominatorSynthetic => PublishedShareOfRegister is not null && Register!.IsSynthetic;

    /// <summary>Level distribution to show: published counts where there are some, else the children's.</summary>
    public IReadOnlyDictionary<int, decimal>? ShownLevels =>
        PublishedLevels ?? FromChildren?.LevelCounts?.ToDictionary(kv => kv.Key, kv => (decimal)kv.Value);

    /// <summary>How many organisations a published level table is out of (12 of 16 УДО, though only 15 were rated); null when not printed.</summary>
    public decimal? PublishedLevelTotal { get; init; }

    /// <summary>Each level's percentage as the report printed it.</summary>
    public IReadOnlyDictionary<int, decimal>? PrintedLevelPercents { get; init; }

    /// <summary>
    /// The share of organisations at a level: as printed where the report printed it, else of the published total
    /// where there is one (the report's denominator), else of the organisations counted over the levels.
    /// </summary>
    public decimal? LevelPercent(int code)
    {
        if (PublishedLevels is not null && PrintedLevelPercents?.TryGetValue(code, out var printed) == true)
            return printed;
        return ShownLevels is { } levels && LevelTotal is { } total and not 0 ? levels.GetValueOrDefault(code) / total * 100 : null;
    }

    /// <summary>The organisations a level table is out of: the published total, else the organisations counted.</summary>
    public decimal? LevelTotal => PublishedLevels is not null && PublishedLevelTotal is { } t ? t : ShownLevels?.Values.Sum();

    public bool IsShownSynthetic => Published is null && PublishedLevels is null && ChildrenAreSynthetic;

    /// <summary>Where the report prints this figure again, differently: «в разделе «Выводы, п. 8» напечатано 25 %…».</summary>
    public IReadOnlyList<string> SourceNotes { get; init; } = [];

    /// <summary>The figure belongs to a round in which not every organisation reported (collecting, or closed incomplete).</summary>
    public bool IsPartialRound { get; init; }

    /// <summary>
    /// A slice of a round being collected that no organisation of it has reported yet («нет данных», «отчётов пока
    /// нет»): it holds the slice's place on the page until its first report (<see cref="IndicatorFigures.WithPending"/>).
    /// </summary>
    public bool AwaitingReports { get; init; }

    /// <summary>
    /// Where the shown figure comes from: printed (a published figure as printed), computed (a share of printed counts,
    /// a sum of children), generated (any generated part: demo organisations or a demo register), partial (an
    /// incomplete round) and contradicted (its source disagrees with itself), combined.
    /// </summary>
    public FigureOrigin Origin
    {
        get
        {
            var origin = FigureOrigin.Published;
            if (PublishedShareOfRegister is not null)
                origin |= FigureOrigin.Computed | (Register!.IsSynthetic ? FigureOrigin.Generated : 0);
            else if (Published is { } published)
                origin |= published.Value is null && published.Numerator is not null && published.Denominator is not null ? FigureOrigin.Computed : 0;
            else if (PublishedLevels is null)
                origin |= FigureOrigin.Computed | (ChildrenAreSynthetic ? FigureOrigin.Generated : 0);
            if (IsPartialRound)
                origin |= FigureOrigin.Partial;
            // A percentage cut off instead of rounded keeps its ⚠ beside it but is no contradiction of the source.
            if (IsMismatch || SourceNotes.Count > 0
                || Published is { } p && Domain.Analysis.FigureChecks.Check(Indicator, p).Any(k => k != Domain.Analysis.QualityIssueKind.PercentTruncated))
                origin |= FigureOrigin.Contradicted;
            return origin;
        }
    }

    /// <summary>
    /// Where the children are published municipal figures: what the organisations below add up to, which should agree
    /// (Stary Oskol's published 184 programmes against its schools' 188).
    /// </summary>
    public Aggregate? FromOrganisations { get; init; }

    public bool IsMismatch => IsOwnMismatch || IsMunicipalMismatch;

    /// <summary>The slice's own published figure disagrees with what its children add up to.</summary>
    public bool IsOwnMismatch =>
        FromChildren is { HasData: true } children &&
        (Published is { } published && new Reconciliation(published, children).IsMismatch
         || PublishedLevels is { } levels && children.LevelCounts is { } counts
            && levels.Any(kv => counts.GetValueOrDefault(kv.Key) != kv.Value));

    /// <summary>The published municipal figures this slice adds up disagree with their own organisations.</summary>
    public bool IsMunicipalMismatch =>
        FromChildren is { HasData: true } municipal && FromOrganisations is { HasData: true } organisations
        && (municipal.Indicator.Kind == IndicatorKind.Level
            ? municipal.LevelCounts is { } m && organisations.LevelCounts is { } o && m.Keys.Union(o.Keys).Any(k => m.GetValueOrDefault(k) != o.GetValueOrDefault(k))
            : new Reconciliation(municipal.Figure, organisations).IsMismatch);

    public bool HasData => Published is not null || PublishedLevels is not null || FromChildren is { HasData: true };

    public bool IsPublished => Published is not null || PublishedLevels is not null;
}
