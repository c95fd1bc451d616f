using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services;

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
