using Mentoring.Domain.Planning;

namespace Mentoring.Dashboard.Tests.Domain;

public class ProgressMeasureTests
{
    private static readonly TimedValue[] Tomsk511 =
        [new(2020.99, 25.25m), new(2021.99, 29.05m), new(ProgressMeasure.YearOf(new DateOnly(2023, 6, 1)), 51.56m)];

    [Fact]
    public void FastEnoughGrowth_WhoseForecastReachesTheTarget_IsOnTrack()
    {
        TimedValue[] facts = [new(2020.99, 20m), new(2021.99, 35m), new(2022.99, 50m)];

        var result = ProgressMeasure.Assess(facts, 70, 2024);

        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        Assert.True(result.Forecast >= 70);
    }

    [Fact]
    public void FastGrowthSinceTheBase_ButAForecastShortOfTheTarget_NeedsAcceleration_NotOnTrack()
    {
        // Tomsk 5–11: the growth rate from 2020 to 2023 alone would say «on track», the straight line through all
        // three facts ends short of 70 % in 2024: the page must not show «идёт по плану» beside that forecast.
        var result = ProgressMeasure.Assess(Tomsk511, 70, 2024);

        Assert.True(result.Ratio >= ProgressMeasure.OnTrackRatio);
        Assert.Equal(ProgressStatus.AccelerationNeeded, result.Status);
        Assert.Equal(61.80m, Math.Round(result.Forecast!.Value, 2)); // 8,2 п.п. short of 70 %
    }

    [Fact]
    public void GrowthSlowerThanRequired_NeedsAcceleration()
    {
        // Tomsk indicator 2: 17,2 % → 38,44 % against 70 % in 2024.
        TimedValue[] facts = [new(2020.99, 17.2m), new(2021.99, 26.3m), new(2023.42, 38.44m)];

        var result = ProgressMeasure.Assess(facts, 70, 2024);

        Assert.Equal(ProgressStatus.AccelerationNeeded, result.Status);
        Assert.InRange(result.Ratio!.Value, ProgressMeasure.AccelerationRatio, ProgressMeasure.OnTrackRatio);
    }

    [Fact]
    public void ValueAtOrPastTarget_IsAchieved()
    {
        // Tomsk indicator 3: 208 enterprises against 30 planned for 2024.
        var result = ProgressMeasure.Assess([new(2020.99, 92), new(2023.42, 208)], 30, 2024);

        Assert.Equal(ProgressStatus.TargetAchieved, result.Status);
    }

    [Fact]
    public void Decline_IsDeterioration_AndSlowGrowthIsLimited()
    {
        Assert.Equal(ProgressStatus.Deterioration, ProgressMeasure.Assess([new(2021.9, 9.1m), new(2022.9, 6.2m)], 70, 2024).Status);
        Assert.Equal(ProgressStatus.LimitedProgress, ProgressMeasure.Assess([new(2021.0, 10m), new(2023.0, 10.5m)], 70, 2024).Status);
    }

    [Fact]
    public void WithoutTarget_UsesFixedGrowthThresholds()
    {
        Assert.Equal(ProgressStatus.OnTrack, ProgressMeasure.Assess([new(2020, 100), new(2022, 110)], null, 2024).Status);
        Assert.Equal(ProgressStatus.LimitedProgress, ProgressMeasure.Assess([new(2020, 100), new(2022, 100.5m)], null, 2024).Status);
    }

    [Fact]
    public void OneFact_BelowTarget_IsInsufficientData()
    {
        Assert.Equal(ProgressStatus.InsufficientData, ProgressMeasure.Assess([new(2022, 83.9m)], 100, 2022).Status);
    }

    [Fact]
    public void Forecast_FollowsTheStraightLine_AndStaysWithin100Percent()
    {
        var forecast = ProgressMeasure.Forecast([new(2020.5, 10m), new(2021.5, 20m), new(2022.5, 30m)], 2024);
        Assert.Equal(50m, Math.Round(forecast!.Value, 6));

        Assert.Equal(100m, ProgressMeasure.Forecast([new(2020.5, 60m), new(2021.5, 90m)], 2024, upperLimit: 100));
    }
}
