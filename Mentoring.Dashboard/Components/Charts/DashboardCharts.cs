using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Components.Charts;

/// <summary>The dashboard's charts as specs, built from the same rows and texts as the tables beside them.</summary>
public static class DashboardCharts
{
    /// <summary>Municipalities ranked by the selected indicator, one bar each, highest first.</summary>
    /// <param name="highlighted">Drawn in the accent colour: the reader's own municipality, the one clicked.</param>
    /// <param name="withUnreported">
    /// A round being collected: the municipalities that have not reported follow the ranked ones, without a bar, so the
    /// chart has its height from the start and a municipality's first report moves its bar in rather than growing it.
    /// </param>
    public static ChartSpec MunicipalityRanking(IReadOnlyList<ComparisonRow> rows, Indicator indicator, IReadOnlyCollection<int?>? highlighted = null,
        bool withUnreported = false)
    {
        var ranked = ComparisonRow.Ranked(rows);
        var percent = ranked.All(r => r.ValueIsPercent);
        if (withUnreported)
            ranked = [.. ranked, .. rows.Where(r => r.Value is null).OrderBy(r => r.Name, NaturalOrder.Instance)];
        var lines = ranked.Sum(r => ApexOptions.Wrap(r.Name, ApexOptions.BarLabelWidth) is List<string> l ? l.Count : 1);
        return new ChartSpec("Рейтинг муниципалитетов: " + indicator.ShortName, ChartOrientation.Bars,
            [new ChartSeries(indicator.ShortName, ranked.Select(r => new ChartPoint(r.Name, r.Value, r.ValueText, highlighted?.Contains(r.Id) == true, r.Origin)).ToList())])
        {
            RoundOrigin = withUnreported ? FigureOrigin.Partial : 0,
            Unit = percent ? "%" : "",
            // A third more than the longest bar leaves room for its value (and demo mark) after it, on a phone too.
            Max = Math.Ceiling((ranked.Max(r => r.Value) ?? 0) * 1.35m) is > 0 and var max ? max : null,
            ShowValueAxis = false,
            Height = Math.Max(220, lines * 20 + ranked.Count * 8 + 50),
        };
    }

    /// <summary>An indicator group's shares, a column per indicator and a series per slice (all / ОУ / УДО).</summary>
    public static ChartSpec Group(GroupChart chart) =>
        new(IndicatorCatalogue.GroupName(chart.Group) + ": доля организаций / обучающихся, %", ChartOrientation.Columns,
            chart.Series.Select((s, i) => new ChartSeries(s.Title,
                s.Points.Select(p => (p.Indicator, Point: new ChartPoint(p.Name, p.Value, p.Text, Origin: p.Origin)))
                    // The first series holds a place for each pending indicator, so the columns keep the catalogue's order.
                    .Concat(i == 0 ? chart.Pending.Select(p => (Indicator: p, Point: new ChartPoint(p.ShortName, null, Format.NoData))) : [])
                    .OrderBy(p => IndicatorCatalogue.Order(p.Indicator))
                    .Select(p => p.Point).ToList())).ToList())
        {
            RoundOrigin = chart.Pending.Count > 0 ? FigureOrigin.Partial : 0,
            Unit = "%",
            Height = 380,
        };

    /// <summary>A municipality's shares next to its region's, per indicator of a group; a round being collected has a
    /// column for each indicator not reported yet, «нет данных».</summary>
    public static ChartSpec MunicipalityAndRegion(string title, string municipality, string region,
        IReadOnlyList<(string Indicator, Measure? Own, Measure? Region)> points, bool partialRound = false)
    {
        static ChartPoint Point(string indicator, Measure? measure) => measure is null
            ? new ChartPoint(indicator, null, Format.NoData)
            : new ChartPoint(indicator, Math.Round(measure.Value, 1), measure.Text, Origin: measure.Origin);
        return new(title, ChartOrientation.Columns,
        [
            new ChartSeries(municipality, points.Select(p => Point(p.Indicator, p.Own)).ToList()),
            new ChartSeries(region, points.Select(p => Point(p.Indicator, p.Region)).ToList()),
        ])
        {
            RoundOrigin = partialRound ? FigureOrigin.Partial : 0,
            Unit = "%",
            Height = 360,
        };
    }

    /// <summary>An indicator's value in each closed round, a column per round named by its date; demo values say so.</summary>
    public static ChartSpec Trend(IndicatorTrend trend) =>
        new($"{trend.Indicator.ShortName}: динамика по мониторингам", ChartOrientation.Columns,
        [
            new ChartSeries(trend.Indicator.ShortName + (trend.SliceLabel == Format.OrganisationKindShort(null) ? "" : $" ({trend.SliceLabel})"),
                trend.Points.Select(p => new ChartPoint(Format.Date(p.Campaign.AsOf), Math.Round(p.Value, 2), p.Text, Origin: p.Origin)).ToList()),
        ])
        {
            Unit = trend.IsPercent ? "%" : trend.Indicator.Kind == IndicatorKind.Count ? trend.Indicator.Unit : "",
            Decimals = trend.IsPercent ? 1 : 0,
            Max = trend.IsPercent ? 100 : null,
            Height = 300,
        };

    /// <summary>
    /// Facts as columns in the years they were measured, the yearly plan as a line, the forecast to the target year as a
    /// dashed line from the latest fact, and the final target as a line across.
    /// </summary>
    public static ChartSpec Plan(PlanSeries series)
    {
        // One column per year: the last fact of a year stands for it. Years without a fact have no column, not a zero.
        var facts = series.Facts.GroupBy(f => f.AsOf.Year).ToDictionary(g => g.Key, g => g.Last().Value);
        var plan = series.Plan.ToDictionary(p => p.Year, p => p.Target);
        var forecast = new Dictionary<int, decimal>();
        if (series.Assessment is { Forecast: { } f, ForecastYear: { } year } && series.Latest is { } latest && year > latest.AsOf.Year)
        {
            forecast[latest.AsOf.Year] = latest.Value;
            forecast[year] = f;
        }
        var years = facts.Keys.Concat(plan.Keys).Concat(forecast.Keys).Distinct().Order().ToList();
        ChartPoint Point(int y, decimal? v) => new(y.ToString(Format.Russian), v is null ? null : Math.Round(v.Value, 2), ProgressText.Value(series, v));
        List<ChartPoint> Points(Dictionary<int, decimal> values) => years.Select(y => Point(y, values.TryGetValue(y, out var v) ? v : null)).ToList();

        // The same colour for the same meaning on every plan chart, whether or not it has a forecast.
        List<ChartSeries> all = [new("Факт", Points(facts), Colour: 0), new("План", Points(plan), SeriesStyle.Line, Colour: 1)];
        if (forecast.Count > 0)
            all.Add(new ChartSeries("Прогноз", Points(forecast), SeriesStyle.DashedLine, Colour: 2));
        // The target as a line across the chart, named in the legend, so no label sits on top of a column's value.
        var target = series.FinalTarget;
        all.Add(new ChartSeries($"Цель: {ProgressText.Value(series, target.Target)} {ProgressText.TargetDate(series)}",
            years.Select(y => Point(y, target.Target)).ToList(), SeriesStyle.TargetLine, Colour: 4));
        return new ChartSpec($"{series.Indicator.ShortName}: план и факт", ChartOrientation.Columns, all)
        {
            Unit = series.IsPercent ? "%" : series.Indicator.Unit,
            Decimals = series.IsPercent ? 2 : 0,
            Max = series.IsPercent ? 100 : null,
            Height = 320,
        };
    }
}
