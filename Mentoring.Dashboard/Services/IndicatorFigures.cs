using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services;

/// <summary>All figures of one indicator in a territory: the "all organisations" slice first, then by kind or group.</summary>
public sealed record IndicatorFigures(Indicator Indicator, IReadOnlyList<SliceFigure> Slices)
{
    /// <summary>An indicator of a round being collected that nobody has reported yet: one slice, «нет данных».</summary>
    public bool IsPending { get; private init; }

    /// <summary>
    /// The figures of a round being collected with a pending one for each indicator it collects that has none yet, in
    /// the catalogue's order: a page shows what the round collects from its first minute, so the round's first report
    /// fills the page in rather than building it under its reader.
    /// </summary>
    public static IReadOnlyList<IndicatorFigures> WithPending(IReadOnlyList<IndicatorFigures> figures, IReadOnlyList<Indicator> collected)
    {
        if (collected.All(i => figures.Any(f => f.Indicator.Code == i.Code)))
            return figures;
        return IndicatorCatalogue.All
            .Select(i => figures.FirstOrDefault(f => f.Indicator.Code == i.Code)
                         ?? (collected.Any(c => c.Code == i.Code) ? Pending(i) : null))
            .OfType<IndicatorFigures>()
            .ToList();
    }

    private static IndicatorFigures Pending(Indicator indicator) =>
        new(indicator, [new SliceFigure(indicator, null, null, null, null, null, false) { IsPartialRound = true }]) { IsPending = true };

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
