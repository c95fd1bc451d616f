namespace Mentoring.Domain.Monitoring;

/// <summary>
/// Where a number that reaches a user comes from. The flags add up through every aggregation: a sum or share with one
/// generated part is generated, a ranking over partial figures is partial. No flag at all means published as printed.
/// </summary>
[Flags]
public enum FigureOrigin
{
    /// <summary>Printed in a source report and shown as printed.</summary>
    Published = 0,

    /// <summary>Computed from other figures (a share of printed counts, a sum of municipal figures).</summary>
    Computed = 1,

    /// <summary>Made up by the demo generator, or computed with at least one generated part.</summary>
    Generated = 2,

    /// <summary>From a round in which not every organisation reported (still collecting, or closed incomplete).</summary>
    Partial = 4,

    /// <summary>Its source disagrees with itself: a total against its parts, a percentage against its counts.</summary>
    Contradicted = 8,
}

public static class OriginRules
{
    /// <summary>What a figure computed from <paramref name="parts"/> is: computed, and whatever any part is.</summary>
    public static FigureOrigin ComputedFrom(IEnumerable<FigureOrigin> parts) => parts.Aggregate(FigureOrigin.Computed, (all, part) => all | part);

    /// <summary>What a figure computed from <paramref name="parts"/> is: computed, and whatever any part is.</summary>
    public static FigureOrigin ComputedFrom(params FigureOrigin[] parts) => ComputedFrom((IEnumerable<FigureOrigin>)parts);

    /// <summary>
    /// What a count over figures is («улучшились 19 из 19»): generated or partial where any of them is. A slip of one
    /// printed figure (contradicted) stays with that figure; it does not make the count contradicted.
    /// </summary>
    public static FigureOrigin CountOver(IEnumerable<FigureOrigin> parts) =>
        FigureOrigin.Computed | (ComputedFrom(parts) & (FigureOrigin.Generated | FigureOrigin.Partial));

    public static bool IsGenerated(this FigureOrigin origin) => origin.HasFlag(FigureOrigin.Generated);

    public static bool IsPartial(this FigureOrigin origin) => origin.HasFlag(FigureOrigin.Partial);

    public static bool IsContradicted(this FigureOrigin origin) => origin.HasFlag(FigureOrigin.Contradicted);

    /// <summary>Printed in a source and shown as printed: nothing computed, generated, partial or contradicted.</summary>
    public static bool IsAsPrinted(this FigureOrigin origin) => origin == FigureOrigin.Published;

    /// <summary>Needs a mark wherever it is shown: generated, partial or contradicted (computed is the ordinary case).</summary>
    public static bool NeedsMark(this FigureOrigin origin) => (origin & ~FigureOrigin.Computed) != 0;
}
