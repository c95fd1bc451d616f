using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Domain.Intake;

/// <summary>Which number of a reported figure a message is about: a share has two (part and whole), the rest one.</summary>
public enum FigurePart
{
    Value = 0,
    Part = 1,
    Whole = 2,
}

public sealed record FigureProblem(Indicator Indicator, FigurePart Part, string Message);

/// <summary>
/// What an organisation may report for an indicator, checked the same way for the curator's form and for an
/// imported spreadsheet: whole numbers not below zero, a part not above its whole, yes/no as 1/0, a known level.
/// </summary>
public static class FigureRules
{
    /// <summary>Above this a figure of one organisation is a typing slip (the biggest school has a few thousand pupils).</summary>
    public const decimal MaxCount = 1_000_000m;

    public static IReadOnlyList<FigureProblem> Check(Indicator indicator, Figure figure)
    {
        var problems = new List<FigureProblem>();
        void Whole(decimal? value, FigurePart part)
        {
            if (value is { } v && (v < 0 || v != decimal.Truncate(v) || v > MaxCount))
                problems.Add(new(indicator, part, "ожидается целое число от 0 до 1 000 000"));
        }

        switch (indicator.Kind)
        {
            case IndicatorKind.Share:
                Whole(figure.Numerator, FigurePart.Part);
                Whole(figure.Denominator, FigurePart.Whole);
                if (figure.Numerator is null != figure.Denominator is null)
                    problems.Add(new(indicator, figure.Numerator is null ? FigurePart.Part : FigurePart.Whole,
                        $"заполните оба числа: «{indicator.WholeLabel}» и «{indicator.PartLabel}»"));
                else if (figure.Numerator > figure.Denominator && problems.Count == 0)
                    problems.Add(new(indicator, FigurePart.Part,
                        $"не может быть больше, чем «{indicator.WholeLabel}» ({figure.Denominator:0})"));
                break;
            case IndicatorKind.Count:
                Whole(figure.Value, FigurePart.Value);
                break;
            case IndicatorKind.Fact:
                if (figure.Numerator is { } n && n is not (0 or 1))
                    problems.Add(new(indicator, FigurePart.Value, "ожидается 0 или 1"));
                break;
            case IndicatorKind.Level:
                if (figure.LevelCode is { } code && indicator.Levels?.Any(l => l.Code == code) != true)
                    problems.Add(new(indicator, FigurePart.Value, "неизвестный уровень"));
                break;
        }
        return problems;
    }

    /// <summary>True when nothing was reported for the indicator.</summary>
    public static bool IsEmpty(Figure figure) =>
        figure.Numerator is null && figure.Denominator is null && figure.Value is null && figure.LevelCode is null;

    /// <summary>The figure as the organisation reports it (a fact is always "of 1").</summary>
    public static Figure Normalise(Indicator indicator, Figure figure) => indicator.Kind switch
    {
        IndicatorKind.Fact => figure.Numerator is { } n ? Figure.Fact(n == 1) : default,
        IndicatorKind.Count => figure.Value is { } v ? Figure.Count(v) : default,
        IndicatorKind.Level => figure.LevelCode is { } c ? Figure.Level(c) : default,
        _ => figure.Numerator is { } part && figure.Denominator is { } whole ? Figure.Share(part, whole) : figure with { Value = null },
    };
}
