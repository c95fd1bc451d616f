using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Domain.Analysis;

public enum QualityIssueKind
{
    /// <summary>A published total differs from what its municipalities or organisations add up to.</summary>
    TotalDiffersFromParts = 1,
    /// <summary>A share printed above 100 %.</summary>
    ShareAbove100 = 2,
    /// <summary>More in the part than in the whole (e.g. 30 mentees of 25 young teachers).</summary>
    NumeratorAboveDenominator = 3,
    /// <summary>The printed percentage is not what its counts give, even allowing for the printed rounding.</summary>
    PercentDiffersFromCounts = 4,
    /// <summary>The organisations counted over the levels do not add up to the organisations there are.</summary>
    LevelCountsDifferFromTotal = 5,
    /// <summary>A percentage printed with its last digits cut off instead of rounded (70,89 % printed «70,8 %»).</summary>
    PercentTruncated = 6,
    /// <summary>The report's text asserts a change its own figures do not show (a «снижение» where the slides show growth).</summary>
    ConclusionContradictsFigures = 7,
    /// <summary>The report prints the same figure twice, differently (a table's 19 % and the conclusions' 25 %).</summary>
    PrintedTwiceDifferently = 8,
    /// <summary>A date that cannot be right: approved before the date it reports on, a stage after it.</summary>
    ImpossibleDate = 9,
    /// <summary>A value printed in a form that cannot be read as a number («01%»).</summary>
    UnreadableValue = 10,
}

/// <summary>
/// Consistency rules for published figures. The seeds contain such errors (a level table adding up to 105 of 111
/// schools, 30 of 111 printed as 32 %), so the product checks every figure instead of trusting it.
/// </summary>
public static class FigureChecks
{
    /// <summary>Problems of one figure of a share or fact indicator; <paramref name="total"/> stands in for a missing denominator.</summary>
    public static IReadOnlyList<QualityIssueKind> Check(Indicator indicator, Figure figure, decimal? total = null)
    {
        if (indicator.Kind is not (IndicatorKind.Share or IndicatorKind.Fact or IndicatorKind.Level))
            return [];
        var issues = new List<QualityIssueKind>();
        var denominator = figure.Denominator ?? total;
        if (figure.Numerator is { } n && denominator is { } d && n > d)
            issues.Add(QualityIssueKind.NumeratorAboveDenominator);
        if (figure.Value is { } printed && printed > 100)
            issues.Add(QualityIssueKind.ShareAbove100);
        if (PercentOfCounts(figure, total) is { } computed && figure.Value is { } p)
        {
            if (!RoundsTo(computed, p))
                issues.Add(QualityIssueKind.PercentDiffersFromCounts);
            else if (IsTruncated(computed, p))
                issues.Add(QualityIssueKind.PercentTruncated);
        }
        return issues;
    }

    /// <summary>The percentage the counts give, using <paramref name="total"/> where the figure has no denominator.</summary>
    public static decimal? PercentOfCounts(Figure figure, decimal? total = null) =>
        figure.Numerator is { } n && (figure.Denominator ?? total) is { } d && d != 0 ? n / d * 100m : null;

    /// <summary>
    /// True when <paramref name="exact"/> could have been printed as <paramref name="printed"/>: rounded half up to the
    /// printed digits (701 of 878 = 79,84 % as 80 %; 16 of 111 = 14,4 % is not 15 %), or cut off to them (Tomsk prints
    /// 207 of 292 = 70,89 % as 70,8 %).
    /// </summary>
    public static bool RoundsTo(decimal exact, decimal printed)
    {
        // Dividing by 1.000…0 drops trailing zeros: storage may write 94 back as 94.0.
        var normalised = printed / 1.000000000000000000000000000000000m;
        var digits = (int)((decimal.GetBits(normalised)[3] >> 16) & 0xFF);
        return Math.Round(exact, digits, MidpointRounding.AwayFromZero) == normalised
            || Math.Truncate(exact * Pow10(digits)) / Pow10(digits) == normalised;
    }

    /// <summary>
    /// <paramref name="printed"/> is <paramref name="exact"/> cut off to the printed digits where rounding would have
    /// given something else: Tomsk's 207 of 292 = 70,89 % printed «70,8 %», not «70,9 %».
    /// </summary>
    public static bool IsTruncated(decimal exact, decimal printed)
    {
        // The digits of the value, not of its storage (which may write 99 back as 99.0).
        var normalised = printed / 1.000000000000000000000000000000000m;
        var digits = (int)((decimal.GetBits(normalised)[3] >> 16) & 0xFF);
        return Math.Round(exact, digits, MidpointRounding.AwayFromZero) != normalised
            && Math.Truncate(exact * Pow10(digits)) / Pow10(digits) == normalised;
    }

    /// <summary>Organisations counted over the levels against the organisations there are.</summary>
    public static bool LevelCountsDiffer(IEnumerable<decimal> levelCounts, decimal organisations) => levelCounts.Sum() != organisations;

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
            result *= 10;
        return result;
    }
}
