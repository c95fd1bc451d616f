using Bunit;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Tests.Components;

public class KpiCardTests : DashboardTestContext
{
    private static readonly Indicator YoungTeachers = IndicatorCatalogue.Get(IndicatorCatalogue.YoungTeachersMentees);

    [Fact]
    public void PublishedShare_ShowsRussianPercent_AndItsCounts()
    {
        var slice = new SliceFigure(YoungTeachers, OrganisationKind.School, null, Figure.Share(701, 878), null,
            Aggregate.Of(YoungTeachers, [Figure.Share(701, 878)]), ChildrenAreSynthetic: true);

        var card = Render<SliceKpiCard>(p => p.Add(c => c.Slice, slice).Add(c => c.Comparison, "по региону: 78,7 %"));

        Assert.Equal("79,8\u00A0%", card.Find(".kpi-value").TextContent);
        Assert.Equal("701 из 878", card.Find(".kpi-detail").TextContent);
        Assert.Contains("ОУ", card.Find(".kpi-caption").TextContent);
        Assert.Equal("по региону: 78,7 %", card.Find(".kpi-comparison").TextContent);
        // The figure is published, so it is not marked as demo data, and it agrees with the schools: no warning.
        Assert.Empty(card.FindAll(".demo-badge"));
        Assert.Empty(card.FindAll(".kpi-warning"));
    }

    [Theory]
    [InlineData(9.1, 6.2, "▼ \u22122,9\u00A0п.п. к 2021 г.", "kpi-change--worse")]
    [InlineData(6.2, 9.1, "▲ +2,9\u00A0п.п. к 2021 г.", "kpi-change--better")]
    [InlineData(6.2, 6.2, "без изменений к 2021 г.", "kpi-change")]
    public void ChangeSinceThePreviousRound_IsShownInPercentagePoints_AndColouredByDirection(double before, double after, string text, string css)
    {
        var students = IndicatorCatalogue.Get(IndicatorCatalogue.StudentMentees);
        SliceFigure Slice(double percent) => new(students, null, null, Figure.PercentOnly((decimal)percent), null, null, false);

        var card = Render<SliceKpiCard>(p => p.Add(c => c.Slice, Slice(after)).Add(c => c.Before, Slice(before)).Add(c => c.BeforeLabel, "2021 г."));

        Assert.Equal(text, card.Find("[data-testid=kpi-change]").TextContent);
        Assert.Equal(css, card.Find("[data-testid=kpi-change]").ClassList.Last());
    }

    [Fact]
    public void APercentageAndABareCount_AreNotCompared()
    {
        var forms = IndicatorCatalogue.Get(IndicatorCatalogue.FormTeacherTeacher);
        var card = Render<SliceKpiCard>(p => p
            .Add(c => c.Slice, new SliceFigure(forms, null, null, new Figure(970, null, null), null, null, false))
            .Add(c => c.Before, new SliceFigure(forms, null, null, Figure.Share(700, 1287), null, null, false))
            .Add(c => c.BeforeLabel, "2021 г."));

        Assert.Empty(card.FindAll("[data-testid=kpi-change]"));
    }

    [Fact]
    public void PublishedTotalDifferentFromChildren_ShowsTheMismatchInWords()
    {
        var indicator = IndicatorCatalogue.Get(IndicatorCatalogue.ProgrammesImplemented);
        var slice = new SliceFigure(indicator, null, null, Figure.Count(184), null,
            Aggregate.Of(indicator, [Figure.Count(58), Figure.Count(127), Figure.Count(3)]), ChildrenAreSynthetic: true);

        var card = Render<SliceKpiCard>(p => p.Add(c => c.Slice, slice));

        Assert.Equal("184 ед.", card.Find(".kpi-value").TextContent);
        Assert.Contains("Опубликовано 184 ед., по данным нижестоящего уровня 188 ед.", card.Find(".kpi-warning").TextContent);
    }

    [Fact]
    public void FigureFromGeneratedOrganisations_IsMarkedDemo()
    {
        var slice = new SliceFigure(YoungTeachers, null, null, null, null,
            Aggregate.Of(YoungTeachers, [Figure.Share(3, 4)]), ChildrenAreSynthetic: true);

        var card = Render<SliceKpiCard>(p => p.Add(c => c.Slice, slice));

        Assert.Equal("75\u00A0%", card.Find(".kpi-value").TextContent);
        Assert.Single(card.FindAll(".demo-badge"));
    }

    [Fact]
    public void NothingReported_SaysNoData_NotZero()
    {
        var card = Render<KpiCard>(p => p.Add(c => c.Title, "Наставнические пары").Add(c => c.Value, Format.Headline(YoungTeachers, null)));

        Assert.Equal("нет данных", card.Find(".kpi-value").TextContent);
    }

    [Theory]
    [InlineData("1\u00A0007 ОО", "1\u00A0007", "ОО")]
    [InlineData("79,8\u00A0%", "79,8", "%")]
    [InlineData("830 чел.", "830", "чел.")]
    [InlineData("\u221212 ед.", "\u221212", "ед.")]
    public void KeyFigure_SetsTheUnitApartFromTheDigits_AndKeepsItsText(string value, string number, string unit)
    {
        var card = Render<KpiCard>(p => p.Add(c => c.Title, "Реализуется форма «учитель-учитель»").Add(c => c.Value, value));

        Assert.Equal(number, card.Find(".kpi-value .figure-number").TextContent);
        Assert.Equal(unit, card.Find(".kpi-value .figure-unit").TextContent);
        Assert.Equal(value, card.Find(".kpi-value").TextContent);
    }

    [Fact]
    public void NoData_IsNotSplit()
    {
        var card = Render<KpiCard>(p => p.Add(c => c.Title, "Наставнические пары").Add(c => c.Value, Format.NoData));

        // Smaller than a figure, in the same line box: «нет данных» fits a narrow card on one line.
        card.Find(".kpi-value").MarkupMatches("<p class=\"kpi-value live-figure kpi-value--empty\">нет данных</p>");
    }
}
