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

    private static readonly CampaignInfo Before = new(0, "Мониторинг", new DateOnly(2021, 12, 1), "Отчёт 2021");

    private static DeckData Data(IReadOnlyList<IndicatorFigures> figures, IReadOnlyList<Conclusion>? conclusions = null, DynamicsReport? dynamics = null) =>
        new("Кузбасс", new Speaker("Иванова Мария Петровна", "Начальник отдела", "Министерство образования Кузбасса"), Campaign, figures, [], dynamics, null, [], conclusions ?? [], null);

    private static SliceChange Change(string code, decimal before, decimal after, OrganisationKind? kind = null)
    {
        var indicator = IndicatorCatalogue.Get(code);
        return new SliceChange(indicator, kind, null,
            new Measure(indicator, Figure.PercentOnly(before), before, true, FigureOrigin.Published), new Measure(indicator, Figure.PercentOnly(after), after, true, FigureOrigin.Published));
    }

    [Fact]
    public void ADeckWithOnlyKeyFigures_HasATitleKeyFiguresFormsAndASummary_AndNoEmptySections()
    {
        var slides = DeckComposer.Compose(Data([Percent(IndicatorCatalogue.StudentMentees, 6.2m, OrganisationKind.School)]));

        Assert.Equal([SlideKind.Title, SlideKind.KeyFigures, SlideKind.Forms, SlideKind.Summary], slides.Select(s => s.Kind));
        Assert.Equal("«Обучающиеся-наставляемые» (ОУ): 6,2\u00A0%", slides[1].Title);
        Assert.Equal("Больше всего — Обучающиеся-наставляемые (ОУ): 6,2\u00A0%", slides[2].Title);
        // «Главное» repeats the findings, word for word.
        Assert.Equal([slides[1].Title, slides[2].Title], slides[3].Points);
        Assert.Equal(["Иванова Мария Петровна", "Начальник отдела, Министерство образования Кузбасса"], SlideText.Speaker(slides[0]));
    }

    [Fact]
    public void EverySlide_HasNotesWrittenFromItsData_WithTheRoundsCaveat()
    {
        var partial = Campaign with { Reported = 4, Expected = 10 };
        var slides = DeckComposer.Compose(Data([Percent(IndicatorCatalogue.StudentMentees, 6.2m, OrganisationKind.School)]) with { Campaign = partial });

        Assert.All(slides, s => Assert.False(string.IsNullOrWhiteSpace(s.Notes)));
        Assert.Equal(string.Join("\n",
            "На слайде: 1 ключевой показатель на 01.12.2022.",
            "Главное: «Обучающиеся-наставляемые» (ОУ): 6,2\u00A0%.",
            "Обучающиеся-наставляемые (ОУ): 6,2\u00A0%.",
            "Оговорка: мониторинг закрыт неполным (сдали 4 из 10 организаций), значения — только по сдавшим.",
            "Источник: Отчёт; данные по состоянию на 01.12.2022."), slides[1].Notes);
        Assert.Equal(string.Join("\n",
            "На слайде: название доклада — Кузбасс, мониторинг «Мониторинг».",
            "Источник: Отчёт; данные по состоянию на 01.12.2022."), slides[0].Notes);
    }

    [Fact]
    public void DocumentsGetAStorySlide_ConclusionsGoToTheAppendix()
    {
        var slides = DeckComposer.Compose(Data(
            [Percent(IndicatorCatalogue.DocPartnership, 16, OrganisationKind.School), Percent(IndicatorCatalogue.DocRegulation, 99, OrganisationKind.School)],
            [new Conclusion("В целом показатель уменьшился и составил 6,2 %, в 2021 г. – 9,1 %.", []),
             new Conclusion("Не приступили к реализации: «Учитель-ученик» (ОУ) – 1 муниципалитет: Юргинский МО.", [])
             {
                 IsAboutNonStarters = true, UnderHeading = "«Учитель-ученик» (ОУ) – 1 муниципалитет: Юргинский МО.",
             }]));

        Assert.Equal(["title", "key-figures", "documents", "summary", "appendix", "conclusions-0", "not-started-0"], slides.Select(s => s.Key));
        Assert.Equal("Чаще всего есть «Положение»: 99\u00A0%; реже всего — «Договор о партнёрстве»: 16\u00A0%", slides[2].Title);
        Assert.Equal(["Выводы", "Не приступили к реализации форм наставничества"], slides[4].Points);
        // The title says «Не приступили к реализации»: its lines do not say it again.
        Assert.Equal(["«Учитель-ученик» (ОУ) – 1 муниципалитет: Юргинский МО."], slides[6].Conclusions.Select(c => c.Text));
        Assert.Equal(["В целом показатель уменьшился и составил 6,2 %, в 2021 г. – 9,1 %."], slides[5].Conclusions.Select(c => c.Text));
        Assert.All(slides.Skip(4), s => Assert.True(s.IsAppendix));
        Assert.All(slides.Take(4), s => Assert.False(s.IsAppendix));
    }

    [Fact]
    public void ChangesSinceTheLastRound_TitleTheKeyFigures_AndChartTheBiggestOnes()
    {
        var mentees = Change(IndicatorCatalogue.StudentMentees, 9.1m, 6.2m, OrganisationKind.School);
        var forms = Change(IndicatorCatalogue.FormTeacherStudent, 72.6m, 79.2m, OrganisationKind.School);
        var dynamics = new DynamicsReport(Before, Campaign,
            [new IndicatorDynamics(mentees.Indicator, [mentees], []), new IndicatorDynamics(forms.Indicator, [forms], [])]);

        var slides = DeckComposer.Compose(Data(
            [Percent(IndicatorCatalogue.StudentMentees, 6.2m, OrganisationKind.School), Percent(IndicatorCatalogue.FormTeacherStudent, 79.2m, OrganisationKind.School)],
            dynamics: dynamics));

        var key = slides.Single(s => s.Kind == SlideKind.KeyFigures);
        Assert.Equal("По сравнению с 2021 г. улучшился 1 из 2 ключевых показателей", key.Title);
        Assert.Equal("▼ \u22122,9\u00A0п.п. (2021 г.: 9,1\u00A0%)", SlideText.Change(key.KeyFigures.Single(k => k.Figure.Indicator == mentees.Indicator).Change!, key.BaseLabel));
        var chart = slides.Single(s => s.Key == "dynamics");
        Assert.Equal("Улучшилось 1 из 2 значений; больше всего — «Учитель-ученик»: 72,6\u00A0% → 79,2\u00A0%", chart.Title);
        Assert.Equal([forms, mentees], chart.Changes); // the biggest change first
        Assert.Contains(slides, s => s.Key == "dynamics-0" && s.IsAppendix);
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

    [Theory]
    [InlineData(12, new[] { 1, 2, 3, 4, 5, 12, 16, 17, 18, 19, 20 }, new[] { 5, 6, 6, 3 })] // a head in the middle: their row between the gaps
    [InlineData(18, new[] { 1, 2, 3, 4, 5, 16, 17, 18, 19, 20 }, new[] { 5, 10 })] // among the last five: marked where it is
    [InlineData(null, new[] { 1, 2, 3, 4, 5, 16, 17, 18, 19, 20 }, new[] { 5, 10 })]
    public void ALongRanking_ShowsTopAndBottom_AndTheViewersOwnMunicipality(int? own, int[] shown, int[] gaps)
    {
        // Municipality n has the n-th highest share.
        var rows = Enumerable.Range(1, 20).Select(n => new ComparisonRow(n, $"Муниципалитет {n}", "", MunicipalityGroup.OkrugsAndDistricts, 10,
            100 - n, $"{100 - n} %", "", "", "", FigureOrigin.Published, false, true, "")).ToList();
        var indicator = IndicatorCatalogue.Get(IndicatorCatalogue.FormTeacherStudent);

        var slide = DeckComposer.Compose(Data([]) with { RankingIndicator = indicator, Ranking = rows, OwnMunicipalityId = own })
            .Single(s => s.Kind == SlideKind.Ranking);

        Assert.Equal(shown, slide.Ranking.Select(r => r.Id));
        Assert.Equal(gaps, slide.RankingGaps.SelectMany(g => new[] { g.Key, g.Value }));
        Assert.Equal(20, slide.Places[20]);
        var view = Render<SlideView>(p => p.Add(c => c.Slide, slide).Add(c => c.IsCurrent, true));
        Assert.Equal(own is null ? [] : [$"Муниципалитет {own}"], view.FindAll(".slide-ranking-row.is-own .slide-ranking-name").Select(e => e.TextContent[e.TextContent.IndexOf('М')..]));
        Assert.Equal(gaps.Where((_, i) => i % 2 == 1).Select(n => $"… ещё {n} муниципалитет{(n == 6 || n == 10 ? "ов" : n == 3 ? "а" : "")} …"),
            view.FindAll(".slide-ranking-gap").Select(e => e.TextContent.Replace('\u00A0', ' ').Trim()));
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

        Assert.Equal(["conclusions-0", "text-1", "title", "key-figures", "forms", "summary", "appendix"], slides.Select(s => s.Key));
        Assert.Equal("Главное", slides[0].Title);
        Assert.True(slides[2].IsHidden);
        Assert.Equal(6, new Deck("Кузбасс", Campaign, slides).Visible.Count);
        Assert.Equal(layout.Length + 4, DeckLayout.From(slides, generated).Count);
    }

    [Fact]
    public void KeyFiguresSlide_ShowsTheFiguresInLargeType()
    {
        var slide = DeckComposer.Compose(Data([Percent(IndicatorCatalogue.StudentMentees, 6.2m, OrganisationKind.School)]))
            .Single(s => s.Kind == SlideKind.KeyFigures);

        var view = Render<SlideView>(p => p.Add(c => c.Slide, slide).Add(c => c.Number, 2).Add(c => c.IsCurrent, true).Add(c => c.Footer, "Кузбасс"));

        Assert.Equal("Ключевые показатели", view.Find(".slide-topic").TextContent);
        Assert.Equal("«Обучающиеся-наставляемые» (ОУ): 6,2\u00A0%", view.Find("h2").TextContent);
        Assert.Equal("6,2\u00A0%", view.Find(".slide-kpi-value").TextContent);
        Assert.Contains("is-current", view.Find(".slide").ClassName);
        Assert.Equal("2", view.Find(".slide-number").TextContent);
    }
}
