namespace Mentoring.Domain.Planning;

/// <summary>
/// Progress categories of Open SDG's progress measure (Statistics Canada's method), with its thresholds.
/// </summary>
public enum ProgressStatus
{
    InsufficientData = 0,
    TargetAchieved = 1,
    /// <summary>R ≥ 95 %: on track.</summary>
    OnTrack = 2,
    /// <summary>60 % ≤ R &lt; 95 %: progress made, acceleration needed.</summary>
    AccelerationNeeded = 3,
    /// <summary>0 ≤ R &lt; 60 %.</summary>
    LimitedProgress = 4,
    /// <summary>R &lt; 0: moving away from the target.</summary>
    Deterioration = 5,
}

/// <summary>A fact at a point in time (years as fractions: 1 June 2023 = 2023.42).</summary>
public readonly record struct TimedValue(double Year, decimal Value);

public sealed record ProgressAssessment(
    ProgressStatus Status,
    double? ObservedGrowth,
    double? RequiredGrowth,
    double? Ratio,
    decimal? Forecast,
    int? ForecastYear);

/// <summary>
/// Measures progress toward a target as Open SDG does: the observed compound annual growth rate (CAGR) between the
/// base value and the latest value, compared with the CAGR required to reach the target in the target year
/// (R = observed / required); without a target, the observed CAGR against fixed thresholds (1.5 % and 0.5 % a year).
/// Also a straight-line forecast of the target year's value from all the facts (least squares), for the gap.
/// </summary>
public static class ProgressMeasure
{
    public const double OnTrackRatio = 0.95;
    public const double AccelerationRatio = 0.60;
    public const double OnTrackGrowth = 0.015;
    public const double AccelerationGrowth = 0.005;

    public static ProgressAssessment Assess(IReadOnlyList<TimedValue> facts, decimal? target, int targetYear, bool higherIsBetter = true,
        decimal? upperLimit = null)
    {
        var ordered = facts.OrderBy(f => f.Year).ToList();
        if (ordered.Count == 0)
            return new(ProgressStatus.InsufficientData, null, null, null, null, null);
        var latest = ordered[^1];
        var forecast = Forecast(ordered, targetYear, upperLimit);
        var direction = higherIsBetter ? 1 : -1;

        if (target is { } t && direction * (latest.Value - t) >= 0)
            return new(ProgressStatus.TargetAchieved, null, null, null, forecast, targetYear);
        if (ordered.Count < 2)
            return new(ProgressStatus.InsufficientData, null, null, null, forecast, targetYear);

        var baseline = ordered[0];
        var observed = Cagr(baseline.Value, latest.Value, latest.Year - baseline.Year);
        if (observed is null)
            return new(ProgressStatus.InsufficientData, null, null, null, forecast, targetYear);

        if (target is { } goal)
        {
            var required = Cagr(baseline.Value, goal, targetYear + 0.999 - baseline.Year);
            if (required is null || required == 0)
                return new(ProgressStatus.InsufficientData, observed, required, null, forecast, targetYear);
            var ratio = direction * observed.Value / Math.Abs(required.Value);
            var status = ratio >= OnTrackRatio ? ProgressStatus.OnTrack
                : ratio >= AccelerationRatio ? ProgressStatus.AccelerationNeeded
                : ratio >= 0 ? ProgressStatus.LimitedProgress
                : ProgressStatus.Deterioration;
            // The growth rate looks only at the first and the latest fact; the forecast at all of them. «On track»
            // next to a forecast that falls short of the target would contradict itself: acceleration is needed.
            if (status == ProgressStatus.OnTrack && forecast is { } expected && direction * (expected - goal) < 0)
                status = ProgressStatus.AccelerationNeeded;
            return new(status, observed, required, ratio, forecast, targetYear);
        }

        var growth = direction * observed.Value;
        var noTargetStatus = growth >= OnTrackGrowth ? ProgressStatus.OnTrack
            : growth >= AccelerationGrowth ? ProgressStatus.AccelerationNeeded
            : growth >= 0 ? ProgressStatus.LimitedProgress
            : ProgressStatus.Deterioration;
        return new(noTargetStatus, observed, null, null, forecast, targetYear);
    }

    /// <summary>Compound annual growth rate; undefined for a non-positive base or an empty period.</summary>
    public static double? Cagr(decimal from, decimal to, double years) =>
        from <= 0 || to < 0 || years <= 0 ? null : Math.Pow((double)(to / from), 1 / years) - 1;

    /// <summary>Least-squares straight line through the facts, at the middle of the target year; shares stay within 0–100.</summary>
    public static decimal? Forecast(IReadOnlyList<TimedValue> facts, int year, decimal? upperLimit = null)
    {
        if (facts.Count < 2)
            return null;
        var meanX = facts.Average(f => f.Year);
        var meanY = facts.Average(f => (double)f.Value);
        var sxx = facts.Sum(f => (f.Year - meanX) * (f.Year - meanX));
        if (sxx == 0)
            return null;
        var slope = facts.Sum(f => (f.Year - meanX) * ((double)f.Value - meanY)) / sxx;
        var value = (decimal)(meanY + slope * (year + 0.5 - meanX));
        value = Math.Max(0, value);
        return upperLimit is { } limit ? Math.Min(limit, value) : value;
    }

    /// <summary>A date as a fractional year, so campaigns at different months compare on one axis.</summary>
    public static double YearOf(DateOnly date) => date.Year + (date.DayOfYear - 1) / 365.25;
}
