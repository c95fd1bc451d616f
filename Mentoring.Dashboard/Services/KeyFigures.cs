using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services;

/// <summary>Chooses the headline figures of a view: one per indicator group first, so the cards cover the whole picture.</summary>
public static class KeyFigures
{
    /// <param name="kind">A slicer's kind of organisation: each indicator's slice of that kind, where it has one.</param>
    public static List<SliceFigure> Pick(IReadOnlyList<IndicatorFigures> figures, int count, Domain.Territories.OrganisationKind? kind = null)
    {
        // A round being collected has a card for what it collects from the start, «нет данных» until reported.
        SliceFigure? Of(IndicatorFigures f) => kind is null
            ? f.Headline ?? f.Slices.FirstOrDefault(s => s.Kind is null && s.Group is null && s.AwaitingReports)
            : f.Slices.FirstOrDefault(s => s.Kind == kind && s.Group is null && (s.HasData || s.AwaitingReports));
        var withCard = figures.Where(f => Of(f) is not null).ToList();
        var firstOfGroup = withCard.GroupBy(f => f.Indicator.Group).Select(g => g.First()).ToList();
        return firstOfGroup.Concat(withCard.Except(firstOfGroup))
            .Take(count)
            .OrderBy(f => IndicatorCatalogue.Order(f.Indicator))
            .Select(f => Of(f)!)
            .ToList();
    }
}
