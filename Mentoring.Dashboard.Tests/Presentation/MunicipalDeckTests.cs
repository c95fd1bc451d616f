using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Presentation;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;

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
}
