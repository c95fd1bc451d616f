using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Services.Presentation;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using static Mentoring.Dashboard.Tests.Intake.IntakeTestData;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Tests.Analytics;

/// <summary>
/// A number never reaches a user without its origin: every sentence, slide, chart label and downloaded cell that
/// states a generated or partial figure says so, checked over every demo region.
/// </summary>
public abstract partial class ProvenanceTests(SeededDatabase database)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = TestUsers.For(Roles.Administrator);
    private static readonly string[] Regions = ["kuzbass", "krasnodar", "belgorod", "tomsk", "krasnoyarsk"];
    private static readonly Speaker Speaker = new("Иванова Анна Петровна", "Методист", "ИРО");

    [Fact]
    public async Task EveryDeckOfEveryRegion_StatesAGeneratedOrPartialValue_OnlyWithItsMark()
    {
        var checkedValues = 0;
        foreach (var code in Regions)
        {
            var region = await database.RegionIdAsync(code);
            checkedValues += MarkedValuesStated(await database.DecksAs(Admin).BuildAsync(TerritoryRef.Region(region), await SeededCampaignAsync(region), Speaker), code);
        }
        // The demo data do state generated values in headlines (Tomsk's and Krasnodar's rankings, Stary Oskol's documents):
        // the check would pass vacuously if none were found.
        Assert.True(checkedValues >= 4, $"only {checkedValues} marked values were stated");
    }

    /// <summary>How many marked values the deck states; fails on one stated without its mark, on a slide or in its .pptx.</summary>
    private static int MarkedValuesStated(Deck deck, string label)
    {
        var checkedValues = 0;
        // The .pptx says what the web deck says: each slide's paragraphs and table cells as text.
        using var pptx = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(new MemoryStream(Services.Presentation.Pptx.PptxWriter.Write(deck)), false);
        var pptxSlides = pptx.PresentationPart!.Presentation.SlideIdList!.Elements<DocumentFormat.OpenXml.Presentation.SlideId>()
            .Select(id => ((DocumentFormat.OpenXml.Packaging.SlidePart)pptx.PresentationPart.GetPartById(id.RelationshipId!)).Slide
                .Descendants<DocumentFormat.OpenXml.Drawing.Paragraph>().Select(p => p.InnerText).ToList())
            .ToList();
        foreach (var (slide, index) in deck.Visible.Select((s, i) => (s, i)))
        {
            var texts = new[] { slide.Title, slide.Subtitle ?? "", slide.Notes ?? "" }.Concat(slide.Points).Concat(slide.Conclusions.Select(c => c.Text))
                .Concat(pptxSlides[index]).ToList();
            foreach (var (value, origin) in MarkedValues(slide))
                foreach (var text in texts.Where(t => t.Contains(value, StringComparison.Ordinal)))
                {
                    checkedValues++;
                    Assert.True(IsMarked(text, value, origin), $"{label}, slide «{slide.Title}»: «{value}» stated without «{OriginText.Words(origin)}» in «{text}»");
                }
        }
        return checkedValues;
    }

    /// <summary>The region's latest round from its report (the tests of partial rounds add rounds of their own).</summary>
    private async Task<int> SeededCampaignAsync(int region)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.Campaigns.Where(c => c.RegionId == region && c.Source != Campaign.CollectedInSystem)
            .OrderByDescending(c => c.AsOf).Select(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task EveryConclusionOfEveryRegionAndMunicipality_StatesAGeneratedValue_OnlyWithItsMark()
    {
        var checkedValues = 0;
        foreach (var code in Regions)
        {
            var region = await database.RegionIdAsync(code);
            var campaign = await SeededCampaignAsync(region);
            var conclusions = (await database.ConclusionsAs(Admin).ForRegionAsync(region, campaign)).ToList();
            foreach (var municipality in await MunicipalitiesAsync(region))
                conclusions.AddRange(await database.ConclusionsAs(Admin).ForMunicipalityAsync(municipality, campaign));
            foreach (var conclusion in conclusions)
                foreach (var evidence in conclusion.Evidence.Where(e => e.IsSynthetic && conclusion.Text.Contains(e.Value, StringComparison.Ordinal)))
                {
                    checkedValues++;
                    Assert.True(IsMarked(conclusion.Text, evidence.Value, FigureOrigin.Generated), $"{code}: «{evidence.Value}» unmarked in «{conclusion.Text}»");
                }
        }
        Assert.True(checkedValues >= 3, $"only {checkedValues} generated values were stated");
    }

    [Fact]
    public async Task TomskRanking_TheHeadlineMarksTheGeneratedExtremes_AsTheRankingUnderItDoes()
    {
        var tomsk = await database.RegionIdAsync("tomsk");
        var deck = await database.DecksAs(Admin).BuildAsync(TerritoryRef.Region(tomsk), await SeededCampaignAsync(tomsk), Speaker);

        var ranking = deck.Slides.Single(s => s.Kind == SlideKind.Ranking);
        Assert.Equal("Выше всех — Тегульдетский район: 100\u00A0% (демо); ниже всех — Городской округ Кедровый: 33,3\u00A0% (демо)", ranking.Title);
        Assert.Contains(ranking.Title, deck.Slides.Single(s => s.Kind == SlideKind.Summary).Points);
    }

    [Fact]
    public async Task AChartLabel_ShowsThePrintedValue_NotTheComputedOne()
    {
        // Kuzbass prints «студент-ученик» in municipal okrugs' schools as 0,001 %: its chart label must not round it to 0.
        var region = await database.RegionIdAsync("kuzbass");
        var figures = await database.Queries.GetFiguresAsync(await SeededCampaignAsync(region), TerritoryRef.Region(region));

        var chart = Mentoring.Dashboard.Components.Charts.DashboardCharts.Group(GroupChart.Build(figures)!);

        var point = chart.Series.Single(s => s.Name == "ОУ · муниципальные округа и районы").Points.Single(p => p.Category == "Обучающиеся: «студент-ученик»");
        Assert.Equal(("0,001\u00A0%", 0.001m), (point.Label, point.Value));
    }

    [Fact]
    public async Task Tomsk_HasTwentyMunicipalities_AndFiveRegionalStateOrganisationsApart()
    {
        var region = await database.Queries.GetRegionAsync(await database.RegionIdAsync("tomsk"));

        Assert.Equal((20, 5), (region.Municipalities, region.RegionalStateOrganisations));
        Assert.Equal("20 муниципалитетов и 5 областных гос. организаций", region.TerritoriesText);
    }

    [Fact]
    public async Task ARegionOfOneCity_ShowsTheCitysLevelTable_AsPrinted()
    {
        // The Krasnoyarsk report covers the city alone: the region must read 12 of 16 УДО as 75 %, as the city does.
        var campaign = await database.CampaignIdAsync("krasnoyarsk", new DateOnly(2023, 5, 15));
        var region = await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Region(await database.RegionIdAsync("krasnoyarsk")));
        var city = await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Municipality(await database.MunicipalityIdAsync(City)));

        string Levels(IReadOnlyList<IndicatorFigures> figures) => FigureText.LevelDetail(
            figures.Single(f => f.Indicator.Code == Effectiveness).Slices.Single(s => s.Kind == OrganisationKind.Supplementary));
        Assert.Equal("оптимальный: 12 (75\u00A0%); допустимый: 3 (19\u00A0%); недопустимый: 0 (0\u00A0%); не оценены: 1 из 16", Levels(region));
        Assert.Equal(Levels(city), Levels(region));
    }

    [Fact]
    public async Task ADownload_MarksEachGeneratedCell_AndLeavesPublishedCellsAsPrinted()
    {
        var region = await database.RegionIdAsync("tomsk");
        var campaign = await SeededCampaignAsync(region);
        var tables = new Services.Export.DashboardTables(database.Queries, null!, database.DynamicsAs(Admin), null!, null!, null!, null!);

        var ranking = await tables.MunicipalitiesAsync(region, campaign, FormStudentStudent);
        var first = ranking.Rows[0];
        // Ties at the top are listed by name; the note column no longer labels the whole row.
        Assert.Equal(("Александровский район", "100\u00A0% (демо)", ""), (first[0], first[3], first[^1]));

        var indicators = await tables.IndicatorsAsync(TerritoryRef.Region(region), campaign);
        var published = indicators.Rows.Single(r => (string)r[1]! == Get(ProgrammeStudents511).Name);
        Assert.Equal("51,56\u00A0%", published[2]);
        Assert.DoesNotContain(indicators.Rows.SelectMany(r => r), c => c is string s && s.Contains("демонстрационные данные", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARoundClosedHalfFilled_IsPartial_AndNoComparisonReadsItsGapsAsADecline()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));
        Assert.Null(await database.CampaignsAs(Admin).CloseAsync(campaign));

        var closed = (await database.Queries.GetCampaignsAsync(region)).Single(c => c.Id == campaign);
        Assert.True(closed.IsPartial);
        Assert.Equal("сдали 1 из 127 организаций", closed.ReportedText);

        // Its figures carry the mark wherever they are stated.
        var figures = await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Region(region));
        var mentors = figures.Single(f => f.Indicator.Code == TeacherMentors).Headline!;
        Assert.True(mentors.Origin.IsPartial());
        Assert.Equal("2 чел. (неполный сбор)", Measure.Of(mentors)!.Said);
        // The school's own figures are whole: it reported.
        Assert.False((await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Organisation(school))).Single(f => f.Indicator.Code == TeacherMentors).Headline!.Origin.IsPartial());

        // Against the complete round before it, nothing is compared: dynamics, conclusions and cards say why.
        var previous = CampaignInfo.Previous(await database.Queries.GetCampaignsAsync(region), closed)!;
        var why = $"Мониторинг на {Format.Date(closed.AsOf)} закрыт при неполном сборе (сдали 1 из 127 организаций), поэтому изменения "
                  + "к прошлому мониторингу не рассчитываются: недостающие отчёты выглядели бы как снижение.";
        Assert.Equal(why, CampaignInfo.WhyNotCompared(closed, previous));
        var report = await database.DynamicsAs(Admin).GetAsync(region, previous.Id, campaign);
        Assert.Equal((true, why), (report.IsHeldBack, report.HeldBackText));
        Assert.Empty(report.Indicators);

        var conclusions = await database.ConclusionsAs(Admin).ForRegionAsync(region, campaign);
        Assert.StartsWith($"Мониторинг на {Format.Date(closed.AsOf)} закрыт при неполном сборе (сдали 1 из 127 организаций): показатели отражают только сдавшие",
            conclusions[0].Text);
        Assert.DoesNotContain(conclusions, c => Regex.IsMatch(c.Text, "ухудшил|уменьшил|снизил"));
        var forCity = await database.ConclusionsAs(Admin).ForMunicipalityAsync(city, campaign);
        Assert.Equal(conclusions[0].Text, Assert.Single(forCity).Text);

        // A later round compares with it no more than it compares with the earlier one.
        Assert.Equal("Мониторинг на " + Format.Date(closed.AsOf) + " закрыт при неполном сборе (сдали 1 из 127 организаций), поэтому изменения к нему "
                     + "не рассчитываются: разница отражала бы недостающие отчёты, а не динамику.",
            CampaignInfo.WhyNotCompared(previous with { AsOf = closed.AsOf.AddYears(1) }, closed));

        // The deck of that round states no change, and its figures say they are partial.
        var deck = await database.DecksAs(Admin).BuildAsync(TerritoryRef.Region(region), campaign, Speaker);
        Assert.DoesNotContain(deck.Slides, s => Regex.IsMatch(s.Title, "улучшил|ухудшил|▼|▲"));
        Assert.Contains(deck.Slides.SelectMany(s => s.Conclusions), c => c.Text == conclusions[0].Text);
        Assert.True(MarkedValuesStated(deck, "partial round") > 0);
    }

    /// <summary>The values a slide shows from figures that need a mark, as its sentences would state them.</summary>
    private static IEnumerable<(string Value, FigureOrigin Origin)> MarkedValues(Slide slide) =>
        slide.Ranking.Where(r => r.Origin.NeedsMark()).Select(r => (r.ValueText, r.Origin))
            .Concat(slide.Figures.Where(f => f.Origin.NeedsMark()).Select(f => (FigureText.Headline(f), f.Origin)))
            .Concat(slide.KeyFigures.Where(k => k.Figure.Origin.NeedsMark()).Select(k => (FigureText.Headline(k.Figure), k.Figure.Origin)))
            .Concat(slide.Changes.SelectMany(c => new[] { c.Before, c.After }).Where(m => m.Origin.NeedsMark()).Select(m => (m.Text, m.Origin)))
            .Concat(slide.Chart?.Series.SelectMany(s => s.Points).Where(p => p.Origin.NeedsMark()).Select(p => (p.Text, p.Origin)) ?? [])
            // Contradicted values carry their ⚠ beside the figure, not in words; the words are for generated and partial ones.
            .Select(x => (x.Item1, x.Item2 & (FigureOrigin.Generated | FigureOrigin.Partial)))
            .Where(x => x.Item2 != 0)
            .Distinct();

    /// <summary>
    /// Every time <paramref name="value"/> is stated as a whole number in <paramref name="text"/>, its origin's words
    /// follow it. A share in parentheses after a count («сформирован полностью: 1 (100 %)») is a breakdown of a figure
    /// marked where it is stated, not a statement of its own.
    /// </summary>
    private static bool IsMarked(string text, string value, FigureOrigin origin) =>
        Regex.Matches(text, $@"(?<![\d,(]){Regex.Escape(value)}(?![\d,])").All(m =>
            text[(m.Index + m.Length)..] is var after && after.StartsWith(" (", StringComparison.Ordinal)
            && OriginText.Words(origin).Split(", ").All(word => after.Split(')')[0].Contains(word, StringComparison.Ordinal)));

    private async Task<List<int>> MunicipalitiesAsync(int region)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.Municipalities.Where(m => m.RegionId == region).Select(m => m.Id).ToListAsync();
    }
}

public sealed class ProvenanceOnSqlite(SqliteSeededDatabase database) : ProvenanceTests(database), IClassFixture<SqliteSeededDatabase>;

public sealed class ProvenanceOnPostgreSql(PostgreSqlSeededDatabase database) : ProvenanceTests(database), IClassFixture<PostgreSqlSeededDatabase>;
