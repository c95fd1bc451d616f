using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// A number on its way to a user, carrying its unit and its <see cref="FigureOrigin"/>. The only way to text is
/// <see cref="Render"/>, which always adds the origin's mark for the medium: a figure cannot be shown without it.
/// </summary>
public readonly record struct Quantity(decimal Value, string Unit, FigureOrigin Origin)
{
    public const string PercentUnit = "%";
    public const string PointsUnit = "п.п.";

    public bool IsPercent => Unit == PercentUnit;

    public static Quantity Percent(decimal value, FigureOrigin origin) => new(value, PercentUnit, origin);

    /// <summary>The number with its unit and the origin's mark for <paramref name="medium"/>: «100 % (демо)» in a sentence.</summary>
    public string Render(Medium medium) => OriginText.Render(Number, Origin, medium);

    /// <summary>
    /// The number and unit alone: a printed percentage keeps its own digits («0,001 %», «51,56 %»), a computed one has
    /// one decimal («79,8 %»). Private to the figures layer: callers go through <see cref="Render"/>.
    /// </summary>
    internal string Number => Unit switch
    {
        PercentUnit when !Origin.HasFlag(FigureOrigin.Computed) => Format.PublishedPercent(Value),
        PercentUnit => Format.Percent(Value),
        PointsUnit => Format.Delta(Value, isPercent: true),
        _ => $"{Format.Number(Value)} {Unit}".TrimEnd(),
    };
}
