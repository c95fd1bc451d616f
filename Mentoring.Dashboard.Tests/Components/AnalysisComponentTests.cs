using Bunit;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Analysis;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Tests.Components;

public class AnalysisComponentTests : DashboardTestContext
{
    private static readonly Indicator Mentees = IndicatorCatalogue.Get(IndicatorCatalogue.StudentMentees);

    private static Measure Percent(decimal value) => new(Mentees, Figure.PercentOnly(value), value, true, FigureOrigin.Published);

    [Fact]
    public void ADynamicsList_MarksAGeneratedFigure_AndSaysWhatTheMarkMeans()
    {
        var generated = new Measure(Mentees, Figure.Share(3, 10), 30, true, FigureOrigin.Computed | FigureOrigin.Generated);
        MunicipalityChange[] items =
        [
            new(1, "Яйский МО", MunicipalityKind.MunicipalOkrug, Mentees, null, Percent(11), Percent(15)),
            new(2, "Беловский ГО", MunicipalityKind.CityOkrug, Mentees, null, Percent(20), generated),
        ];

        var list = Render<DynamicsList>(p => p.Add(c => c.Title, "Увеличение").Add(c => c.Css, "increase").Add(c => c.Items, items).Add(c => c.ShowChange, true));

        Assert.Contains("Яйский МО (11\u00A0% → 15\u00A0%), Беловский ГО (20\u00A0% → 30\u00A0%)\u00A0*.", list.Markup);
        Assert.Equal(Format.DemoFootnote, list.Find(".chart-footnote").TextContent);
    }

    [Fact]
    public void AFall_IsShownWithArrowSignAndWords()
    {
        var badge = Render<ChangeBadge>(p => p.Add(c => c.Before, Percent(9.1m)).Add(c => c.After, Percent(6.2m)));

        Assert.Contains("change--bad", badge.Find(".change").ClassName);
        Assert.Equal("▼", badge.Find("[aria-hidden=true]").TextContent);
        Assert.Contains("\u22122,9\u00A0п.п.", badge.Find(".change").TextContent);
        Assert.Contains("снижение", badge.Find(".change").TextContent);
    }

    [Fact]
    public void Conclusions_ShowTheirFigures_AndACopyableText()
    {
        Conclusion[] items =
        [
            new("«Обучающиеся-наставляемые» (ОУ): в целом показатель уменьшился и составил 6,2 %, в 2021 г. – 9,1 %.",
                [new Evidence("Обучающиеся-наставляемые, ОУ", "6,2 %", "на 01.12.2022", "Кузбасс")]),
            new("По сравнению с 2021 г. улучшились 4.", []),
        ];

        var list = Render<ConclusionList>(p => p.Add(c => c.Items, items));

        Assert.Equal(2, list.FindAll(".conclusions > li").Count);
        Assert.Single(list.FindAll(".evidence"));
        Assert.Contains("6,2 %", list.Find(".evidence td.num").TextContent);
        Assert.Contains("– По сравнению с 2021 г. улучшились 4.", list.Find("textarea").TextContent);
    }

    [Fact]
    public void ALongListOfOrganisations_IsFolded_AShortOneIsShown()
    {
        var rule = RecommendationCatalogue.Rules.First(r => r.IndicatorCode == IndicatorCatalogue.DocOrderPairs);
        var form = RecommendationCatalogue.Rules.First(r => r.IndicatorCode == IndicatorCatalogue.FormStudentStudent);
        RecommendedOrganisation School(int n) => new(n, $"СШ № {n}", OrganisationKind.School, "город Красноярск", false);
        Recommendation[] items =
        [
            new(rule, IndicatorCatalogue.Get(rule.IndicatorCode), [School(32), School(135)], 127),
            new(form, IndicatorCatalogue.Get(form.IndicatorCode), Enumerable.Range(1, 40).Select(School).ToList(), 127),
        ];

        var table = Render<RecommendationTable>(p => p.Add(c => c.Items, items));

        var pairs = table.Find("tr[data-indicator=DOC_ORDER_PAIRS]");
        Assert.Contains("2 организации из 127", pairs.TextContent);
        Assert.Equal("СШ № 32, СШ № 135", pairs.QuerySelector(".org-names")!.TextContent);
        Assert.NotNull(table.Find("tr[data-indicator=FORM_SS] details"));
        Assert.Equal(2, table.FindAll(".group-row").Count);
    }
}
