using Mentoring.Domain.Indicators;

namespace Mentoring.Domain.Monitoring;

/// <summary>
/// A reported figure as published: numerator and denominator for shares and facts; a value for counts and for
/// percentages published without their counts; a level code for level indicators.
/// </summary>
public readonly record struct Figure(decimal? Numerator, decimal? Denominator, decimal? Value, int? LevelCode = null)
{
    /// <summary>A share with its counts; <paramref name="publishedPercent"/> keeps the percentage as printed, if any.</summary>
    public static Figure Share(decimal numerator, decimal denominator, decimal? publishedPercent = null) =>
        new(numerator, denominator, publishedPercent);

    /// <summary>A share published only as a percentage (the counts behind it are unknown).</summary>
    public static Figure PercentOnly(decimal percent) => new(null, null, percent);

    /// <summary>"N organisations" without the total they are out of.</summary>
    public static Figure CountOf(decimal count) => new(count, null, null);

    public static Figure Count(decimal value) => new(null, null, value);

    public static Figure Fact(bool holds) => new(holds ? 1 : 0, 1, null);

    /// <summary>An organisation's level (e.g. effectiveness «оптимальный»).</summary>
    public static Figure Level(int code) => new(null, null, null, code);

    /// <summary>A published number of organisations at a level, with the total and the percentage as printed.</summary>
    public static Figure LevelCount(int code, decimal count, decimal? total = null, decimal? publishedPercent = null) =>
        new(count, total, publishedPercent, code);

    /// <summary>The percentage computed from the counts, else the published one.</summary>
    public decimal? Percent => Numerator is { } n && Denominator is { } d && d != 0 ? n / d * 100m : Value;

    /// <summary>The headline number of a figure of the given kind: % for shares and facts, the value otherwise.</summary>
    public decimal? Headline(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Share or IndicatorKind.Fact => Percent ?? Numerator,
        _ => Value,
    };
}
