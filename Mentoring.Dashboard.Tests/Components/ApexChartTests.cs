using System.Text.Json;
using Bunit;
using Mentoring.Dashboard.Components.Charts;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Components;

public class ApexChartTests : DashboardTestContext
{
    private static ChartSpec Ranking(decimal first) => new("Рейтинг муниципалитетов", ChartOrientation.Bars,
        [new ChartSeries("«Учитель-учитель»", [new("город Краснодар", first, Format.Percent(first)), new("город Сочи", 70, Format.Percent(70))])])
    {
        Unit = "%",
        Max = 100,
    };

    [Fact]
    public void FirstRender_DrawsOnce_WithTheRussianTextsFromCSharp_AndATableForScreenReaders()
    {
        JSInterop.SetupVoid("mentoringCharts.render", _ => true);

        var chart = Render<ApexChart>(p => p.Add(c => c.Spec, Ranking(76.5m)).Add(c => c.CategoryHeading, "Муниципалитет"));

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier.StartsWith("mentoringCharts."));
        Assert.Equal("mentoringCharts.render", call.Identifier);
        using var json = JsonDocument.Parse((string)call.Arguments[1]!);
        var point = json.RootElement.GetProperty("options").GetProperty("series")[0].GetProperty("data")[0];
        Assert.Equal("город Краснодар", point.GetProperty("x").GetString());
        Assert.Equal(76.5m, point.GetProperty("y").GetDecimal());
        Assert.Equal("76,5\u00A0%", point.GetProperty("label").GetString());
        Assert.Equal("%", json.RootElement.GetProperty("format").GetProperty("unit").GetString());
        Assert.True(json.RootElement.GetProperty("options").GetProperty("plotOptions").GetProperty("bar").GetProperty("horizontal").GetBoolean());
        // The SVG is the browser's; the server renders only the container and the same figures as text.
        Assert.Empty(chart.FindAll("svg"));
        Assert.Equal(["Муниципалитет", "«Учитель-учитель»"], chart.FindAll(".visually-hidden table th[scope=col]").Select(th => th.TextContent));
        Assert.Equal(["город Краснодар", "76,5\u00A0%", "город Сочи", "70\u00A0%"], chart.FindAll("tbody th, tbody td").Select(c => c.TextContent));
    }

    [Fact]
    public void NewData_UpdatesTheChartInPlace_AndTheSameDataCallsNothing()
    {
        JSInterop.SetupVoid("mentoringCharts.render", _ => true);
        JSInterop.SetupVoid("mentoringCharts.update", _ => true);
        var chart = Render<ApexChart>(p => p.Add(c => c.Spec, Ranking(76.5m)));

        chart.Render(p => p.Add(c => c.Spec, Ranking(80m)));
        chart.Render(p => p.Add(c => c.Spec, Ranking(80m)));

        Assert.Equal(["mentoringCharts.render", "mentoringCharts.update"],
            JSInterop.Invocations.Where(i => i.Identifier.StartsWith("mentoringCharts.")).Select(i => i.Identifier));
        using var update = JsonDocument.Parse((string)JSInterop.Invocations["mentoringCharts.update"].Single().Arguments[1]!);
        Assert.Equal("80\u00A0%", update.RootElement.GetProperty("options").GetProperty("series")[0].GetProperty("data")[0].GetProperty("label").GetString());
    }

    [Fact]
    public void LongCategoryNames_WrapOntoLines_InsteadOfBeingCut()
    {
        Assert.Equal(["муниципальный округ", "Приморско-Ахтарский", "район"],
            Assert.IsType<List<string>>(ApexOptions.Wrap("муниципальный округ Приморско-Ахтарский район", 22)));
        Assert.Equal("город Сочи", ApexOptions.Wrap("город Сочи", 22));
        // A word longer than the line breaks after its hyphen; one that fits keeps it.
        Assert.Equal(["«Работодатель-", "ученик»"], Assert.IsType<List<string>>(ApexOptions.Wrap("«Работодатель-ученик»", 14)));
        Assert.Equal(["Обучающиеся", "«ученик-ученик»"], Assert.IsType<List<string>>(ApexOptions.Wrap("Обучающиеся «ученик-ученик»", 15)));
    }
}
