using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Services;

/// <summary>Which territory a view is about.</summary>
public readonly record struct TerritoryRef(ObservationLevel Level, int Id)
{
    public static TerritoryRef Region(int id) => new(ObservationLevel.Region, id);
    public static TerritoryRef Municipality(int id) => new(ObservationLevel.Municipality, id);
    public static TerritoryRef Organisation(int id) => new(ObservationLevel.Organisation, id);
}

/// <summary>
/// How many organisations of a slice (kind, group of municipalities) the territory has in the register, and whether
/// the demo generator made any of them up: the denominator a published "N organisations" is read against.
/// </summary>
public sealed record Register(int Organisations, bool IsSynthetic);

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

    public bool IsShownSynthetic => Published is null && PublishedLevels is null && ChildrenAreSynthetic;

    public bool IsMismatch =>
        FromChildren is { HasData: true } children &&
        (Published is { } published && new Reconciliation(published, children).IsMismatch
         || PublishedLevels is { } levels && children.LevelCounts is { } counts
            && levels.Any(kv => counts.GetValueOrDefault(kv.Key) != kv.Value));

    public bool HasData => Published is not null || PublishedLevels is not null || FromChildren is { HasData: true };

    public bool IsPublished => Published is not null || PublishedLevels is not null;
}

/// <summary>All figures of one indicator in a territory: the "all organisations" slice first, then by kind or group.</summary>
public sealed record IndicatorFigures(Indicator Indicator, IReadOnlyList<SliceFigure> Slices)
{
    /// <summary>The same slice (indicator, kind, group) among other figures: another round's, or the region's.</summary>
    public static SliceFigure? Matching(IReadOnlyList<IndicatorFigures> figures, SliceFigure? slice) => slice is null
        ? null
        : figures.FirstOrDefault(f => f.Indicator.Code == slice.Indicator.Code)?.Slices
            .FirstOrDefault(s => s.Kind == slice.Kind && s.Group == slice.Group);

    public SliceFigure? Total => Slices.FirstOrDefault(s => s.Kind is null && s.Group is null && s.HasData);

    /// <summary>
    /// The slice to headline: a published figure beats one computed from generated demo organisations, so the total
    /// when it is published, else the first published slice (e.g. schools), else the total, else any slice with data.
    /// </summary>
    public SliceFigure? Headline =>
        (Total is { IsPublished: true } ? Total : null)
        ?? Slices.FirstOrDefault(s => s.IsPublished)
        ?? Total
        ?? Slices.FirstOrDefault(s => s.HasData);
}
