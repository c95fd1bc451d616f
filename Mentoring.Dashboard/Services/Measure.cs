using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// A slice's shown figure as one comparable number: the percentage for shares and facts that have one, otherwise
/// the count ("24 ОО", "208 ед."). Two measures compare only when both are percentages or both are counts.
/// </summary>
public sealed record Measure(Indicator Indicator, Figure Figure, decimal Value, bool IsPercent, FigureOrigin Origin)
{
    /// <summary>Any part of it was made up by the demo generator.</summary>
    public bool IsSynthetic => Origin.IsGenerated();

    public static Measure? Of(SliceFigure? slice)
    {
        if (slice is null)
            return null;
        var indicator = slice.Indicator;
        // A level indicator compares by the share of organisations at its best level ("сформирован полностью").
        if (indicator.Kind == IndicatorKind.Level)
            return slice.LevelPercent(indicator.Levels![0].Code) is { } share
                ? new(indicator, default, share, true, slice.Origin)
                : null;
        if (slice.Shown is not { } figure)
            return null;
        return indicator.Kind switch
        {
            IndicatorKind.Share or IndicatorKind.Fact when figure.Percent is { } p => new(indicator, figure, p, true, slice.Origin),
            IndicatorKind.Share or IndicatorKind.Fact when figure.Numerator is { } n => new(indicator, figure, n, false, slice.Origin),
            IndicatorKind.Count when figure.Value is { } v => new(indicator, figure, v, false, slice.Origin),
            _ => null,
        };
    }

    public bool IsComparableWith(Measure other) => IsPercent == other.IsPercent;

    /// <summary>
    /// Two rounds' measures made comparable: as they are where they compare, else by their counts where both have one
    /// (Krasnoyarsk's 165 young teachers in programmes in 2021/22 against 701 of 878 in 2022/23: 165 → 701 чел.).
    /// </summary>
    public static (Measure Before, Measure After)? Comparable(Measure? before, Measure? after) => (before, after) switch
    {
        ({ } b, { } a) when b.IsComparableWith(a) => (b, a),
        ({ Figure.Numerator: { } nb } b, { Figure.Numerator: { } na } a) when b.Indicator.Kind is IndicatorKind.Share or IndicatorKind.Fact =>
            (b with { Value = nb, IsPercent = false }, a with { Value = na, IsPercent = false, Figure = a.Figure with { Denominator = null, Value = null } }),
        _ => null,
    };

    /// <summary>The value as a table shows it, beside its own origin badge: «79,8 %», «734 чел.».</summary>
    public string Text => Indicator.Kind == IndicatorKind.Level
        ? $"{Format.Percent(Value)} — {Indicator.Levels![0].Name.ToLowerInvariant()}"
        : Format.Headline(Indicator, Figure);

    /// <summary>The value with its origin for <paramref name="medium"/>: «100 % (демо)» in a sentence, «100 % *» on a chart.</summary>
    public string Render(Medium medium) => OriginText.Render(Text, Origin, medium);

    /// <summary>The value as a generated sentence states it, with its origin in words.</summary>
    public string Said => Render(Medium.Sentence);

    /// <summary>The change from <paramref name="before"/>: "+8,4 п.п." for percentages, "+87 ед." for counts.</summary>
    public string DeltaText(Measure before) => Format.Delta(Value - before.Value, IsPercent, IsPercent ? "" : UnitOfCount);

    /// <summary>A change computed from both values: as generated, partial or contradicted as either of them.</summary>
    public FigureOrigin DeltaOrigin(Measure before) => OriginRules.ComputedFrom(before.Origin, Origin);

    private string UnitOfCount => Indicator.Kind switch
    {
        IndicatorKind.Count => Indicator.Unit,
        IndicatorKind.Share => Indicator.PartUnit,
        _ => "ОО",
    };

    /// <summary>
    /// «▲ +8,4 п.п. к 2021 г.» on a key-figure card, with whether it went the indicator's good way; null when the two
    /// figures do not compare (a percentage and a bare count).
    /// </summary>
    public static (string Text, bool IsImprovement, bool IsUnchanged)? Change(SliceFigure? before, SliceFigure after, string beforeLabel)
    {
        if (Of(before) is not { } b || Of(after) is not { } a || !a.IsComparableWith(b))
            return null;
        // The sign of the delta as printed: a change that rounds to zero («0 п.п.») is no change.
        var delta = a.DeltaText(b);
        var arrow = delta[0] switch { '+' => "▲", '\u2212' => "▼", _ => null };
        return arrow is null
            ? ($"без изменений к {beforeLabel}", false, true)
            : ($"{arrow} {delta} к {beforeLabel}", new Domain.Analysis.ValueChange(b.Value, a.Value).IsImprovement(a.Indicator.HigherIsBetter), false);
    }
}
