using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services;

/// <summary>Chooses the headline figures of a view: one per indicator group first, so the cards cover the whole picture.</summary>
public static class KeyFigures
{
    /// <param name="kind">A slicer's kind of organisation: each indicator's slice of that kind, where it has one.</param>
    public static List<SliceFigure> Pick(IReadOnlyList<IndicatorFigures> figures, int count, Domain.Territories.OrganisationKind? kind = null)
    {
        // A pending indicator (a round being collected) has its card from the start, «нет данных».
        SliceFigure? Of(IndicatorFigures f) => kind is null
            ? f.Headline ?? (f.IsPending ? f.Slices[0] : null)
            : f.Slices.FirstOrDefault(s => s.Kind == kind && s.Group is null && s.HasData);
        var withCard = figures.Where(f => Of(f) is not null).ToList();
        var firstOfGroup = withCard.GroupBy(f => f.Indicator.Group).Select(g => g.First()).ToList();
        return firstOfGroup.Concat(withCard.Except(firstOfGroup))
            .Take(count)
            .OrderBy(f => IndicatorCatalogue.Order(f.Indicator))
            .Select(f => Of(f)!)
            .ToList();
    }
}
