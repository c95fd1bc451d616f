using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Services;

/// <summary>All figures of one indicator in a territory: the "all organisations" slice first, then by kind or group.</summary>
public sealed record IndicatorFigures(Indicator Indicator, IReadOnlyList<SliceFigure> Slices)
{
    /// <summary>An indicator of a round being collected that nobody has reported yet: every slice «нет данных».</summary>
    public bool IsPending => Slices.Count > 0 && Slices.All(s => s.AwaitingReports);

    /// <summary>
    /// The figures of a round being collected, shaped from its first minute: a pending figure for each indicator it
    /// collects that has none yet, in the catalogue's order, and in every figure a slice for each <paramref name="kinds"/>
    /// of organisation in the register that has not reported it yet (<see cref="SliceFigure.AwaitingReports"/>). A
    /// report then fills the cards, the table's columns and the chart's series in rather than building them under the
    /// page's reader.
    /// </summary>
    public static IReadOnlyList<IndicatorFigures> WithPending(IReadOnlyList<IndicatorFigures> figures, IReadOnlyList<Indicator> collected,
        IReadOnlyList<OrganisationKind> kinds)
    {
        if (collected.Count == 0)
            return figures;
        return IndicatorCatalogue.All
            .Select(i => figures.FirstOrDefault(f => f.Indicator.Code == i.Code) is { } reported
                ? reported.WithAwaited(kinds)
                : collected.Any(c => c.Code == i.Code) ? new IndicatorFigures(i, []).WithAwaited(kinds) : null)
            .OfType<IndicatorFigures>()
            .ToList();
    }

    /// <summary>This figure with an empty slice for the total and for each of <paramref name="kinds"/> it lacks, kinds in order.</summary>
    private IndicatorFigures WithAwaited(IReadOnlyList<OrganisationKind> kinds)
    {
        var missing = new OrganisationKind?[] { null }.Concat(kinds.Select(k => (OrganisationKind?)k))
            .Where(k => !Slices.Any(s => s.Kind == k && s.Group is null))
            .Select(k => new SliceFigure(Indicator, k, null, null, null, null, false) { IsPartialRound = true, AwaitingReports = true })
            .ToList();
        if (missing.Count == 0)
            return this;
        var slices = Slices.Concat(missing).OrderBy(s => s.Group is null ? 0 : 1).ThenBy(s => s.Kind is null ? -1 : (int)s.Kind).ToList();
        return this with { Slices = slices };
    }

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
