using Mentoring.Dashboard.Components.Charts;
using Mentoring.Dashboard.Model;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mentoring.Dashboard.Tests.Live;

/// <summary>The region page's model is computed once per state and scope, and again after the region changes.</summary>
[Collection(SqliteDatabaseCollection.Name)]
public sealed class RegionPageModelsTests(SqliteSeededDatabase database)
{
    private readonly InProcessFigureChangeFeed feed = new(NullLogger<InProcessFigureChangeFeed>.Instance);

    [Fact]
    public async Task OfficialsOfOneRegion_ShareOneModel_AHeadGetsTheirOwn_AndAChangeOfTheRegionComputesAfresh()
    {
        var shared = new SharedFigures(feed);
        var (krasnodar, tomsk) = (await database.RegionIdAsync("krasnodar"), await database.RegionIdAsync("tomsk"));
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        RegionPageModels As(string role, int region, int? municipality = null) =>
            database.RegionPageModelsAs(TestUsers.For(role, region, municipality), shared);
        var query = new RegionPageQuery(krasnodar);

        var first = await As(Roles.RegionalOfficial, krasnodar).GetAsync(query);
        var second = await As(Roles.RegionalOfficial, krasnodar).GetAsync(query);
        var head = await As(Roles.MunicipalHead, krasnodar, anapa).GetAsync(query);
        var tomskModel = await As(Roles.RegionalOfficial, tomsk).GetAsync(new RegionPageQuery(tomsk));

        Assert.Same(first, second);
        Assert.Equal("Краснодарский край", first.Region.Name);
        Assert.Equal(44, first.Rows.Count);
        Assert.Null(first.OwnMunicipality);
        Assert.NotSame(first, head);
        Assert.Equal(anapa, head.OwnMunicipality);
        // Another state of the page (a clicked municipality) is a model of its own.
        var focused = await As(Roles.RegionalOfficial, krasnodar).GetAsync(query with { FocusId = anapa });
        Assert.Equal("город-курорт Анапа", focused.Focus?.Name);

        feed.Dispatch(new FigureChange(first.Campaign!.Id, krasnodar, new HashSet<int>(), new HashSet<int>()) { Version = 1 });

        Assert.NotSame(first, await As(Roles.RegionalOfficial, krasnodar).GetAsync(query));
        Assert.Same(tomskModel, await As(Roles.RegionalOfficial, tomsk).GetAsync(new RegionPageQuery(tomsk)));
    }

    [Fact]
    public async Task ARoundCollectedHere_ListsEveryMunicipalityBeforeAnyReport_SoTheFirstReportFillsOneRow()
    {
        var (campaign, region, _) = await Intake.IntakeTestData.CollectingCampaignAsync(database);
        var official = TestUsers.For(Roles.RegionalOfficial, region);
        var query = new RegionPageQuery(region, campaign);

        var empty = await database.RegionPageModelsAs(official, new SharedFigures(feed)).GetAsync(query);

        await using var db = await database.Factory.CreateDbContextAsync();
        var municipalities = db.Municipalities.Count(m => m.RegionId == region);
        var firstCollected = db.Campaigns.Single(c => c.Id == campaign).CollectedIndicators[0];
        Assert.Equal(firstCollected.Code, empty.SelectedIndicator?.Code);
        Assert.Equal(municipalities, empty.Rows.Count);
        Assert.All(empty.Rows, r => Assert.Null(r.Value));
        // The ranking has every municipality's place from the start, without a bar, and says the round is partial.
        var ranking = Assert.IsType<ChartSpec>(empty.RankingChart);
        Assert.Equal(municipalities, ranking.Categories.Count());
        Assert.All(ranking.Series[0].Points, p => Assert.Null(p.Value));
        Assert.Equal([OriginText.PartialFootnote], ranking.Footnotes);

        // Each collected indicator has its row, «нет данных»; the cards and the group chart are there too.
        var collected = db.Campaigns.Single(c => c.Id == campaign).CollectedIndicators;
        Assert.Equal(collected.Select(i => i.Code).Order(), empty.Figures.Select(f => f.Indicator.Code).Order());
        Assert.All(empty.Figures, f => Assert.True(f.IsPending));
        Assert.Equal(Math.Min(8, collected.Count), empty.KeyFigures.Count);
        Assert.All(empty.KeyFigures, k => Assert.Equal(Format.NoData, FigureText.Headline(k)));
        var group = Assert.IsType<ChartSpec>(empty.GroupChart);
        Assert.NotEmpty(group.Categories);
        Assert.All(group.Categories, c => Assert.Contains(c, collected.Select(i => i.ShortName)));
        Assert.All(group.Series.SelectMany(s => s.Points), p => Assert.Null(p.Value));
        Assert.Equal([OriginText.PartialFootnote], group.Footnotes);

        // A column of the table and a series of the group chart for all organisations and for each kind in the register.
        var kinds = db.Organisations.Where(o => o.Municipality.RegionId == region).Select(o => o.Kind).Distinct().AsEnumerable().Order()
            .Select(k => Format.Slice(new SliceFigure(empty.Figures[0].Indicator, k, null, null, null, null, false))).ToList();
        Assert.Equal(["ОУ", "УДО"], kinds);
        Assert.Equal(["все ОО", .. kinds], FigureText.SliceColumns(empty.Figures));
        Assert.Equal(["все ОО", .. kinds], group.Series.Select(s => s.Name));
        // Under the slicer of a kind, the same cards.
        var schools = await database.RegionPageModelsAs(official, new SharedFigures(feed)).GetAsync(query with { KindName = "School" });
        Assert.Equal(empty.KeyFigures.Select(k => k.Indicator.Code), schools.KeyFigures.Select(k => k.Indicator.Code));
        Assert.All(schools.KeyFigures, k => Assert.Equal((Format.NoData, OrganisationKind.School), (FigureText.Headline(k), k.Kind)));
    }

    [Fact]
    public async Task ARoundCollectedHere_KeepsItsColumnsAndSeries_WhenTheFirstSchoolReports()
    {
        var (campaign, region, city) = await Intake.IntakeTestData.CollectingCampaignAsync(database);
        var official = TestUsers.For(Roles.RegionalOfficial, region);
        var query = new RegionPageQuery(region, campaign);
        var before = await database.RegionPageModelsAs(official, new SharedFigures(feed)).GetAsync(query);

        var school = await database.OrganisationIdAsync("СШ № 50", Intake.IntakeTestData.City);
        var reports = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await reports.GetAsync(campaign, school);
        Assert.IsType<Services.Intake.SaveOutcome.Saved>(await reports.SubmitAsync(campaign, school, Intake.IntakeTestData.Complete(form.Indicators), form.Version));
        var after = await database.RegionPageModelsAs(official, new SharedFigures(feed)).GetAsync(query);

        Assert.Equal(["все ОО", "ОУ", "УДО"], FigureText.SliceColumns(after.Figures));
        Assert.Equal(before.Figures.Select(f => f.Indicator.Code), after.Figures.Select(f => f.Indicator.Code));
        Assert.Equal(before.GroupChart!.Series.Select(s => s.Name), after.GroupChart!.Series.Select(s => s.Name));
        Assert.Equal(before.KeyFigures.Select(k => k.Indicator.Code), after.KeyFigures.Select(k => k.Indicator.Code));
        // The school's figures are in; the other kind's column still waits for its reports.
        var mentors = after.Figures.Single(f => f.Indicator.Code == IndicatorCatalogue.TeacherMentors);
        Assert.Equal(["2 чел.", "2 чел.", Format.NoData], mentors.Slices.Select(FigureText.Value));
        Assert.Equal([false, false, true], mentors.Slices.Select(s => s.AwaitingReports));
    }

    [Fact]
    public async Task AUserOfAnotherRegion_IsRefused_EvenWhenTheModelIsShared()
    {
        var shared = new SharedFigures(feed);
        var (krasnodar, tomsk) = (await database.RegionIdAsync("krasnodar"), await database.RegionIdAsync("tomsk"));
        await database.RegionPageModelsAs(TestUsers.For(Roles.RegionalOfficial, krasnodar), shared).GetAsync(new RegionPageQuery(krasnodar));

        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() =>
            database.RegionPageModelsAs(TestUsers.For(Roles.RegionalOfficial, tomsk), shared).GetAsync(new RegionPageQuery(krasnodar)));
    }
}
