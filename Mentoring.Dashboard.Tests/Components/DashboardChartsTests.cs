using Mentoring.Dashboard.Components.Charts;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Planning;

namespace Mentoring.Dashboard.Tests.Components;

public class DashboardChartsTests
{
    [Fact]
    public void PlanChart_HasFactsPlanForecastFromTheLatestFact_AndTheTargetAcross()
    {
        var series = new PlanSeries(IndicatorCatalogue.Get(IndicatorCatalogue.ProgrammeStudents511), null,
            [(2022, 35m), (2023, 50m), (2024, 70m)],
            [new FactPoint(1, new DateOnly(2021, 9, 1), 29.05m, false), new FactPoint(2, new DateOnly(2023, 6, 1), 51.56m, false)],
            new ProgressAssessment(ProgressStatus.OnTrack, 0.3, 0.2, 1.5, 61.84m, 2024), "план");

        var chart = DashboardCharts.Plan(series);

        Assert.Equal(["2021", "2022", "2023", "2024"], chart.Categories);
        Assert.Equal(["Факт", "План", "Прогноз", "Цель: 70 % на 2024 год"], chart.Series.Select(s => s.Name.Replace('\u00A0', ' ')));
        Assert.Equal([29.05m, null, 51.56m, null], chart.Series[0].Points.Select(p => p.Value));
        Assert.Equal([null, null, 51.56m, 61.84m], chart.Series[2].Points.Select(p => p.Value));
        Assert.Equal("61,84\u00A0%", chart.Series[2].Points[3].Text);
        Assert.All(chart.Series[3].Points, p => Assert.Equal(70m, p.Value));
        Assert.Equal([SeriesStyle.Bars, SeriesStyle.Line, SeriesStyle.DashedLine, SeriesStyle.TargetLine], chart.Series.Select(s => s.Style));
        Assert.Equal("%", chart.Unit);
        Assert.Equal("Обучающиеся-5-11-кл-в-наставничестве-план-и-факт", chart.FileName);
    }
}
