using Bunit;
using Mentoring.Dashboard.Components.Slides;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Services.Presentation;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Tests.Components;

/// <summary>Which slides a deck gets for which data, and how a slide renders.</summary>
public class DeckTests : DashboardTestContext
{
    private static readonly CampaignInfo Campaign = new(1, "Мониторинг", new DateOnly(2022, 12, 1), "Отчёт");

    private static IndicatorFigures Percent(string code, decimal value, OrganisationKind? kind = null)
    {
        var indicator = IndicatorCatalogue.Get(code);
        return new(indicator, [new SliceFigure(indicator, kind, null, Figure.PercentOnly(value), null, null, false)]);
    }

    private static DeckData Data(IReadOnlyList<IndicatorFigures> figures, IReadOnlyList<Conclusion>? conclusions = null) =>
        new("Кузбасс", "Докладчик", Campaign, figures, [], null, null, [], conclusions ?? [], null);

    [Fact]
    public void ADeckWithOnlyKeyFigures_HasATitleAndAKeyFiguresSlide_AndNoEmptySections()
    {
        var slides = DeckComposer.Compose(Data([Percent(IndicatorCatalogue.StudentMentees, 6.2m, OrganisationKind.School)]));

        Assert.Equal([SlideKind.Title, SlideKind.KeyFigures, SlideKind.Forms], slides.Select(s => s.Kind));
        Assert.DoesNotContain(slides, s => s.Kind is SlideKind.Plan or SlideKind.Dynamics or SlideKind.Ranking or SlideKind.Documents
            or SlideKind.Conclusions or SlideKind.Recommendations);
    }

    [Fact]
    public void DocumentsAndConclusions_GetTheirSlides_WhenThereIsSomethingToSay()
    {
        var slides = DeckComposer.Compose(Data(
            [Percent(IndicatorCatalogue.DocPartnership, 16, OrganisationKind.School)],
            [new Conclusion("В целом показатель уменьшился и составил 6,2 %, в 2021 г. – 9,1 %.", [])]));

        Assert.Contains(slides, s => s.Kind == SlideKind.Documents && s.Figures.Single().Indicator.Code == IndicatorCatalogue.DocPartnership);
        Assert.Equal("Выводы", slides.Single(s => s.Kind == SlideKind.Conclusions).Title);
        Assert.DoesNotContain(slides, s => s.Kind == SlideKind.Forms);
    }

    [Fact]
    public void LongConclusions_AreSpreadOverSlides()
    {
        var conclusions = Enumerable.Range(1, 6).Select(i => new Conclusion(new string('а', 300) + i, [])).ToList();

        var slides = DeckComposer.Compose(Data([], conclusions)).Where(s => s.Kind == SlideKind.Conclusions).ToList();

        Assert.Equal(3, slides.Count);
        Assert.Equal("Выводы (продолжение)", slides[1].Title);
        Assert.Equal(6, slides.Sum(s => s.Conclusions.Count));
    }

    [Fact]
    public void ASavedLayout_HidesReordersRetitles_AndKeepsNewSlides()
    {
        var generated = DeckComposer.Compose(Data([Percent(IndicatorCatalogue.StudentMentees, 6.2m)], [new Conclusion("Вывод.", [])]));
        SlideSetting[] layout =
        [
            new("conclusions-0", Title: "Главное"),
            new("text-1", Title: "Вопросы", Text: "Спасибо за внимание"),
            new("title", Hidden: true),
        ];

        var slides = DeckLayout.Apply(generated, layout);

        Assert.Equal(["conclusions-0", "text-1", "title", "key-figures", "forms"], slides.Select(s => s.Key));
        Assert.Equal("Главное", slides[0].Title);
        Assert.True(slides[2].IsHidden);
        Assert.Equal(4, new Deck("Кузбасс", Campaign, slides).Visible.Count);
        Assert.Equal(layout.Length + 2, DeckLayout.From(slides, generated).Count);
    }

    [Fact]
    public void KeyFiguresSlide_ShowsTheFiguresInLargeType()
    {
        var slide = DeckComposer.Compose(Data([Percent(IndicatorCatalogue.StudentMentees, 6.2m, OrganisationKind.School)]))
            .Single(s => s.Kind == SlideKind.KeyFigures);

        var view = Render<SlideView>(p => p.Add(c => c.Slide, slide).Add(c => c.Number, 2).Add(c => c.IsCurrent, true).Add(c => c.Footer, "Кузбасс"));

        Assert.Equal("Ключевые показатели", view.Find("h2").TextContent);
        Assert.Equal("6,2\u00A0%", view.Find(".slide-kpi-value").TextContent);
        Assert.Contains("is-current", view.Find(".slide").ClassName);
        Assert.Equal("2", view.Find(".slide-number").TextContent);
    }
}
