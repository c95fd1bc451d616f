using Mentoring.Domain.Indicators;

namespace Mentoring.Domain.Monitoring;

/// <summary>
/// Sums of the figures below a territory, as the database returns them (Σ numerators, Σ denominators, Σ values,
/// number of figures) plus, for level indicators, how many figures fall on each level.
/// </summary>
public sealed record FigureSums(
    decimal? NumeratorSum,
    decimal? DenominatorSum,
    decimal? ValueSum,
    int FigureCount,
    IReadOnlyDictionary<int, int>? LevelCounts = null)
{
    public static readonly FigureSums Empty = new(null, null, null, 0);
}

/// <summary>The figure of a territory computed from its children, by the rule of the indicator's kind.</summary>
public sealed record Aggregate(Indicator Indicator, Figure Figure, int ReportingCount, IReadOnlyDictionary<int, int>? LevelCounts)
{
    public bool HasData => ReportingCount > 0;

    /// <summary>
    /// Shares and facts aggregate as Σnumerators / Σdenominators (never an average of percentages); counts as sums;
    /// levels as a distribution of organisations over the levels.
    /// </summary>
    public static Aggregate From(Indicator indicator, FigureSums sums) => indicator.Kind switch
    {
        _ when sums.FigureCount == 0 => new(indicator, default, 0, null),
        IndicatorKind.Share or IndicatorKind.Fact =>
            new(indicator, new Figure(sums.NumeratorSum, sums.DenominatorSum, null), sums.FigureCount, null),
        IndicatorKind.Count =>
            new(indicator, Figure.Count(sums.ValueSum ?? 0), sums.FigureCount, null),
        IndicatorKind.Level =>
            new(indicator, default, sums.FigureCount, sums.LevelCounts ?? new Dictionary<int, int>()),
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    /// <summary>Aggregates figures already in memory (tests, small sets); the database path uses <see cref="From"/>.</summary>
    public static Aggregate Of(Indicator indicator, IEnumerable<Figure> figures)
    {
        var list = figures.ToList();
        var withCounts = list.Where(f => f.Numerator is not null && f.Denominator is not null).ToList();
        var sums = new FigureSums(
            withCounts.Count > 0 ? withCounts.Sum(f => f.Numerator!.Value) : null,
            withCounts.Count > 0 ? withCounts.Sum(f => f.Denominator!.Value) : null,
            list.Any(f => f.Value is not null) ? list.Sum(f => f.Value ?? 0) : null,
            indicator.Kind is IndicatorKind.Share or IndicatorKind.Fact ? withCounts.Count : list.Count,
            indicator.Kind == IndicatorKind.Level
                ? list.Where(f => f.LevelCode is not null).GroupBy(f => f.LevelCode!.Value).ToDictionary(g => g.Key, g => g.Count())
                : null);
        return From(indicator, sums);
    }
}

/// <summary>A published figure of a territory next to the figure its children add up to.</summary>
public sealed record Reconciliation(Figure Published, Aggregate FromChildren)
{
    /// <summary>Tolerance for a percentage published without counts: the seeds round to one decimal.</summary>
    private const decimal PercentTolerance = 0.1m;

    public bool IsMismatch
    {
        get
        {
            if (!FromChildren.HasData)
                return false;
            var kind = FromChildren.Indicator.Kind;
            var children = FromChildren.Figure;
            if (kind == IndicatorKind.Count)
                return Published.Value is { } v && children.Value is { } c && v != c;
            if (Published.Numerator is { } n && children.Numerator is { } cn && n != cn)
                return true;
            if (Published.Denominator is { } d && children.Denominator is { } cd && d != cd)
                return true;
            return Published.Numerator is null && Published.Percent is { } p && children.Percent is { } cp
                && Math.Abs(p - cp) > PercentTolerance;
        }
    }
}
