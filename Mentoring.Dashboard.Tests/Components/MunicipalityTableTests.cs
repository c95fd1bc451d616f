using Bunit;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Tests.Components;

public class MunicipalityTableTests : DashboardTestContext
{
    private static readonly Indicator Regulation = IndicatorCatalogue.Get(IndicatorCatalogue.DocRegulation);

    private static ComparisonRow Row(int id, string name, MunicipalityKind kind, Figure? published) =>
        ComparisonRow.From(new MunicipalityRow(id, name, kind, 10, new IndicatorFigures(Regulation,
            published is null ? [] : [new SliceFigure(Regulation, null, null, published, null, null, false)])));

    [Fact]
    public void Rows_AreRankedByValue_LinkToTheirMunicipality_AndEmptyOnesSayNoData()
    {
        ComparisonRow[] rows =
        [
            Row(1, "Беловский ГО", MunicipalityKind.CityOkrug, Figure.Share(3, 10)),
            Row(2, "Яйский МО", MunicipalityKind.MunicipalOkrug, Figure.Share(9, 10)),
            Row(3, "Тисульский МО", MunicipalityKind.MunicipalOkrug, null),
        ];

        var table = Render<MunicipalityTable>(p => p.Add(c => c.Rows, rows).Add(c => c.IndicatorTitle, "Значение").Add(c => c.CampaignId, 5));

        var links = table.FindAll("a.municipality-link");
        Assert.Equal(["Яйский МО", "Беловский ГО", "Тисульский МО"], links.Select(a => a.TextContent));
        Assert.Equal("municipalities/2?campaign=5", links[0].GetAttribute("href"));
        var figures = table.FindAll(".figure").Select(f => f.TextContent).ToList();
        Assert.Equal(["90\u00A0%", "30\u00A0%", "нет данных"], figures);
        Assert.Contains("муниципальный округ", table.Markup);
    }

    [Fact]
    public void TheReadersOwnMunicipality_IsHighlighted_InTheTableAndTheRankingChart()
    {
        ComparisonRow[] rows =
        [
            Row(1, "Беловский ГО", MunicipalityKind.CityOkrug, Figure.Share(3, 10)),
            Row(2, "Яйский МО", MunicipalityKind.MunicipalOkrug, Figure.Share(9, 10)),
        ];

        var table = Render<MunicipalityTable>(p => p.Add(c => c.Rows, rows).Add(c => c.IndicatorTitle, "Значение").Add(c => c.OwnMunicipality, 1));
        var chart = Mentoring.Dashboard.Components.Charts.DashboardCharts.MunicipalityRanking(rows, Regulation, highlighted: [1]);

        var own = Assert.Single(table.FindAll("tr.own-row"));
        Assert.Equal("true", own.GetAttribute("aria-current"));
        Assert.Contains("Беловский ГО", own.TextContent);
        Assert.Equal([("Яйский МО", false), ("Беловский ГО", true)], chart.Series[0].Points.Select(p => (p.Category, p.Highlight)));
        Assert.Contains("\"fillColor\":\"#e0a021\"", Mentoring.Dashboard.Components.Charts.ApexOptions.Json(chart, ["#2b6cb0", "#e0a021"]));
    }

    [Fact]
    public void AGeneratedValue_IsMarkedInTheRanking_AndTheChartSaysWhatTheMarkMeans()
    {
        var generated = ComparisonRow.From(new MunicipalityRow(2, "Яйский МО", MunicipalityKind.MunicipalOkrug, 10, new IndicatorFigures(Regulation,
            [new SliceFigure(Regulation, null, null, null, null, Aggregate.Of(Regulation, [Figure.Fact(true), Figure.Fact(false)]), true)])));
        ComparisonRow[] rows = [Row(1, "Беловский ГО", MunicipalityKind.CityOkrug, Figure.Share(3, 10)), generated];

        var chart = Mentoring.Dashboard.Components.Charts.DashboardCharts.MunicipalityRanking(rows, Regulation);

        Assert.Equal(["50\u00A0%\u00A0*", "30\u00A0%"], chart.Series[0].Points.Select(p => p.Label));
        Assert.Equal(["* значение по демонстрационным (сгенерированным) данным"], chart.Footnotes);
        Assert.Empty(Mentoring.Dashboard.Components.Charts.DashboardCharts.MunicipalityRanking([rows[0]], Regulation).Footnotes);
    }

    [Fact]
    public void ClickingAHeader_SortsByIt_AndSaysSoToScreenReaders_AndSearchNarrowsTheRows()
    {
        ComparisonRow[] rows =
        [
            Row(1, "Беловский ГО", MunicipalityKind.CityOkrug, Figure.Share(3, 10)),
            Row(2, "Яйский МО", MunicipalityKind.MunicipalOkrug, Figure.Share(9, 10)),
            Row(3, "Анжеро-Судженский ГО", MunicipalityKind.CityOkrug, Figure.Share(5, 10)),
        ];
        var table = Render<MunicipalityTable>(p => p.Add(c => c.Rows, rows).Add(c => c.IndicatorTitle, "Значение"));
        string[] Names() => table.FindAll("a.municipality-link").Select(a => a.TextContent).ToArray();
        Assert.Equal("descending", table.Find("th:nth-child(4)").GetAttribute("aria-sort"));

        table.Find("th:nth-child(1) button").Click();
        Assert.Equal(["Анжеро-Судженский ГО", "Беловский ГО", "Яйский МО"], Names());
        Assert.Equal("ascending", table.Find("th:nth-child(1)").GetAttribute("aria-sort"));
        Assert.Equal("none", table.Find("th:nth-child(4)").GetAttribute("aria-sort"));

        table.Find("th:nth-child(1) button").Click();
        Assert.Equal(["Яйский МО", "Беловский ГО", "Анжеро-Судженский ГО"], Names());

        table.Find("input[aria-label='Поиск муниципалитета']").Input("го");
        Assert.Equal(["Беловский ГО", "Анжеро-Судженский ГО"], Names());
        table.Find("input[aria-label='Поиск муниципалитета']").Input("Кемерово");
        Assert.Equal("Ничего не найдено", table.Find(".empty-row").TextContent);
    }
}
