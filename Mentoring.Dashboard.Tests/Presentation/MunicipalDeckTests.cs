using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Presentation;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Tests.Presentation;

/// <summary>
/// A municipal head's deck tells the municipality's story in its main part: how it stands against its region, and its
/// place among the region's municipalities, each stated from the same figures its chart draws.
/// </summary>
public sealed class MunicipalDeckTests(SqliteSeededDatabase database) : IClassFixture<SqliteSeededDatabase>
{
    private static readonly Speaker Speaker = new("Петров Пётр Петрович", "Начальник управления образования");

    [Fact]
    public async Task AMunicipalDeck_ComparesTheMunicipalityWithItsRegion_ThenGivesItsPlace_BeforeTheAppendix()
    {
        var region = await database.RegionIdAsync("krasnodar");
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        var head = TestUsers.For(Roles.MunicipalHead, region, anapa);
        var deck = await database.DecksAs(head).BuildAsync(TerritoryRef.Municipality(anapa), null, Speaker);
        var story = deck.Visible.TakeWhile(s => !s.IsAppendix).ToList();

        Assert.Equal(["title", "key-figures", "against-region", "ranking"], story.Select(s => s.Key.Split('-')[0] == "ranking" ? "ranking" : s.Key).Take(4));

        // Against the region: the municipality's totals and the region's, as the tables show them; the headline counts
        // the columns where the municipality is lower.
        var against = story.Single(s => s.Key == "against-region");
        var chart = against.Chart!;
        var headline = story.Single(s => s.Key == "key-figures").KeyFigures[0].Figure;
        var slice = Format.Slice(headline);
        Assert.Equal([$"город-курорт Анапа, {slice}", $"Краснодарский край, {slice}"], chart.Series.Select(s => s.Title));
        var ownFigures = await database.QueriesAs(head).GetFiguresAsync(deck.Campaign.Id, TerritoryRef.Municipality(anapa));
        var regionFigures = await database.QueriesAs(head).GetFiguresAsync(deck.Campaign.Id, TerritoryRef.Region(region));
        foreach (var (own, regional) in chart.Series[0].Points.Zip(chart.Series[1].Points))
        {
            // The same slice as the key figures, so the chart repeats their values rather than another measure.
            var ownSlice = ownFigures.Single(f => f.Indicator.ShortName == own.Name).Slices.Single(s => s.Kind == headline.Kind && s.Group is null);
            Assert.Equal(FigureText.Headline(ownSlice), own.Text);
            Assert.Equal(FigureText.Headline(IndicatorFigures.Matching(regionFigures, ownSlice)!), regional.Text);
        }
        var lower = chart.Series[0].Points.Zip(chart.Series[1].Points).Count(p => Math.Round(p.First.Value, 1) < Math.Round(p.Second.Value, 1));
        Assert.StartsWith($"Хуже, чем в регионе: {lower} из {chart.Series[0].Points.Count}", against.Title);
        Assert.Equal(FigureText.Headline(headline), chart.Series[0].Points[0].Text);

        // Its place: the ranking marks it wherever it stands, and the headline names the place.
        var ranking = story.Single(s => s.Kind == SlideKind.Ranking);
        Assert.Equal(anapa, ranking.OwnMunicipalityId);
        Assert.Contains(ranking.Ranking, r => r.Id == anapa);
        Assert.StartsWith($"город-курорт Анапа — {ranking.Places[anapa]}-е место из {ranking.Places.Count}: ", ranking.Title);
    }

    [Fact]
    public async Task AMunicipalDeck_NamesItsSchoolsWithTheFewestForms_CountedFromEachSchoolsOwnAnswers_AndMarkedAsGenerated()
    {
        var region = await database.RegionIdAsync("krasnodar");
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        var head = TestUsers.For(Roles.MunicipalHead, region, anapa);
        var deck = await database.DecksAs(head).BuildAsync(TerritoryRef.Municipality(anapa), null, Speaker);
        var story = deck.Visible.TakeWhile(s => !s.IsAppendix).ToList();

        // After its place among the municipalities, before «Главное».
        var slide = story.Single(s => s.Kind == SlideKind.Schools);
        Assert.Equal(story.FindIndex(s => s.Kind == SlideKind.Ranking) + 1, story.IndexOf(slide));

        // Counted here from the schools' own «да»/«нет», as the municipality's page lists them.
        var forms = IndicatorCatalogue.All.Where(i => i.Group == IndicatorGroup.Forms && i.Kind == IndicatorKind.Fact).Select(i => i.Code).ToList();
        var schools = (await database.QueriesAs(head).GetOrganisationRowsAsync(anapa, deck.Campaign.Id, forms))
            .Where(o => o.Figures.Count > 0)
            .Select(o => (o.Name, Yes: o.Figures.Values.Count(f => f.Numerator > 0), Answered: o.Figures.Count))
            .ToList();
        var none = schools.Where(o => o.Yes == 0).Select(o => o.Name).ToList();
        Assert.NotEmpty(none);
        Assert.Equal($"Ни одной формы наставничества не {(none.Count % 10 == 1 && none.Count % 100 != 11 ? "реализует" : "реализуют")} "
                     + $"{none.Count} из {Format.Plural(schools.Count, "организации", "организаций", "организаций")} (демо)", slide.Title);
        Assert.Contains(slide.Title, story.Single(s => s.Kind == SlideKind.Summary).Points);

        // The table: seven rows, fewest forms first, each count marked as generated and explained under it.
        var rows = slide.Schools!.Fewest;
        Assert.Equal(7, rows.Count);
        var fewest = schools.Select(o => o.Yes).Order().Take(7).ToList();
        Assert.Equal(fewest, rows.Select(r => r.Implemented.Count));
        Assert.All(rows, r => Assert.Equal($"{r.Implemented.Count} из {schools.Single(o => o.Name == r.Name).Answered}\u00A0*", r.Count(Medium.Web)));
        Assert.Equal($"меньше всего форм: 7 из {Format.Plural(schools.Count, "организации", "организаций", "организаций")}", slide.Subtitle);
        Assert.Contains($"Не реализуют ни одной формы: {string.Join(", ", none.Order(NaturalOrder.Instance))}.", slide.Notes);
        Assert.Contains("Оговорка: значения с пометкой «демо» (*) сгенерированы для демонстрации", slide.Notes);
    }

    [Fact]
    public async Task ADeckOfAMunicipalityTheViewerSeesOnlyInAggregate_NamesNoSchools()
    {
        var region = await database.RegionIdAsync("krasnodar");
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        var school = await database.OrganisationIdAsync("МАОУ «КШ»", "город-курорт Анапа");
        var curator = TestUsers.For(Roles.Curator, region, anapa, school);

        var deck = await database.DecksAs(curator).BuildAsync(TerritoryRef.Municipality(anapa), null, Speaker);

        Assert.DoesNotContain(deck.Slides, s => s.Kind == SlideKind.Schools);
        Assert.Contains(deck.Slides, s => s.Kind == SlideKind.KeyFigures);
    }

    [Fact]
    public async Task ACitysDeck_IsNotComparedWithARegionWhoseDataAreItsOwn_AndMarksOnlyTheSchoolsWithGeneratedAnswers()
    {
        var city = await database.MunicipalityIdAsync("город Красноярск");
        var admin = TestUsers.For(Roles.Administrator);
        var deck = await database.DecksAs(admin).BuildAsync(TerritoryRef.Municipality(city), null, Speaker);

        // Krasnoyarsk's report is of the city: «на уровне региона» would compare the city with itself.
        Assert.DoesNotContain(deck.Slides, s => s.Key == "against-region");
        Assert.Contains(deck.Slides, s => s.Key == "forms");

        var rows = deck.Visible.Single(s => s.Kind == SlideKind.Schools).Schools!.Rows;
        var organisations = await database.QueriesAs(admin).GetOrganisationRowsAsync(city, deck.Campaign.Id, SchoolForms.Codes);
        Assert.Equal(organisations.Count(o => o.Figures.Count > 0), rows.Count);
        foreach (var row in rows)
        {
            var organisation = organisations.Single(o => o.Name == row.Name);
            var generated = organisation.IsSynthetic || organisation.SyntheticCodes.Count > 0;
            Assert.Equal(generated, row.Count(Medium.Web).EndsWith(OriginText.GeneratedMark, StringComparison.Ordinal));
        }
        // Both kinds are there: the schools the report names, and those the demo generator made up.
        Assert.Contains(rows, r => !r.Origin.IsGenerated());
        Assert.Contains(rows, r => r.Origin.IsGenerated());
    }
}
