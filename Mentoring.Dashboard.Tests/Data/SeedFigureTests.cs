using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Tests.Data;

/// <summary>The seeds' own figures, reproduced from the loaded database through the dashboard's queries.</summary>
public abstract class SeedFigureTests(SeededDatabase database)
{
    private async Task<SliceFigure> SliceAsync(string region, TerritoryRef territory, string indicator, OrganisationKind? kind = null,
        MunicipalityGroup? group = null, int? campaignId = null)
    {
        var campaign = campaignId ?? await database.LatestCampaignIdAsync(region);
        var figures = await database.Queries.GetFiguresAsync(campaign, territory);
        return figures.Single(f => f.Indicator.Code == indicator).Slices.Single(s => s.Kind == kind && s.Group == group);
    }

    [Theory]
    [InlineData(FormTeacherTeacher, OrganisationKind.School, 970)]
    [InlineData(FormTeacherTeacher, OrganisationKind.Supplementary, 110)]
    [InlineData(FormTeacherStudent, OrganisationKind.School, 773)]
    [InlineData(FormTeacherStudent, OrganisationKind.Supplementary, 100)]
    [InlineData(FormStudentStudent, OrganisationKind.School, 433)]
    [InlineData(FormStudentStudent, OrganisationKind.Supplementary, 50)]
    [InlineData(FormEmployerStudent, OrganisationKind.School, 74)]
    [InlineData(FormUniversityStudent, OrganisationKind.School, 78)]
    public async Task Krasnodar_44Municipalities_AddUpToThePublishedTotalsRow(string indicator, OrganisationKind kind, int total)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var regionId = await database.RegionIdAsync("krasnodar");
        var municipal = await db.Observations
            .Where(o => o.RegionId == regionId && o.Level == ObservationLevel.Municipality && o.IndicatorCode == indicator && o.OrganisationKind == kind)
            .ToListAsync();

        Assert.Equal(44, municipal.Count);
        Assert.Equal(total, municipal.Sum(o => o.Numerator));
        var slice = await SliceAsync("krasnodar", TerritoryRef.Region(regionId), indicator, kind);
        Assert.Equal(total, slice.Published!.Value.Numerator);
        Assert.Equal(total, slice.FromChildren!.Figure.Numerator);
        Assert.False(slice.IsMismatch);
    }

    [Fact]
    public async Task Krasnodar_SummarySlide1007_DiffersFromTable970Plus110_AndIsFlagged()
    {
        var regionId = await database.RegionIdAsync("krasnodar");

        var slice = await SliceAsync("krasnodar", TerritoryRef.Region(regionId), FormTeacherTeacher);

        Assert.Equal(1007, slice.Published!.Value.Numerator);
        Assert.Equal(1080, slice.FromChildren!.Figure.Numerator);
        Assert.True(slice.IsMismatch);
    }

    [Fact]
    public async Task Krasnodar_Anapa_Keeps32NamedSchools_AndItsPublishedCounts()
    {
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        var campaign = await database.LatestCampaignIdAsync("krasnodar");

        var rows = await database.Queries.GetOrganisationRowsAsync(anapa, campaign, [FormTeacherTeacher]);
        var schools = rows.Where(r => r.Kind == OrganisationKind.School).ToList();

        Assert.Equal(32, schools.Count);
        Assert.All(schools, s => Assert.False(s.IsSynthetic));
        Assert.Contains(schools, s => s.Name == "МБОУ гимназия «Аврора» им. И.И. Ладутько");
        Assert.Equal(24, schools.Sum(s => s.Figures[FormTeacherTeacher].Numerator));
    }

    [Fact]
    public async Task Krasnoyarsk_701Of878YoungTeachersInProgrammes_Is79Point8Percent()
    {
        var city = await database.MunicipalityIdAsync("город Красноярск");

        var slice = await SliceAsync("krasnoyarsk", TerritoryRef.Municipality(city), YoungTeachersMentees, OrganisationKind.School);

        Assert.Equal(701, slice.Shown!.Value.Numerator);
        Assert.Equal(878, slice.Shown.Value.Denominator);
        Assert.Equal("79,8\u00A0%", Format.Percent(slice.Shown.Value.Percent));
        // The generated split over the 111 schools adds up exactly to the published figures.
        Assert.False(slice.IsMismatch);
    }

    [Fact]
    public async Task Krasnoyarsk_OrderOnPairs_IsMissingInExactlyTheNineNamedSchools()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var campaign = await database.LatestCampaignIdAsync("krasnoyarsk");

        var missing = await db.Observations
            .Where(o => o.CampaignId == campaign && o.IndicatorCode == DocOrderPairs && o.Level == ObservationLevel.Organisation
                        && o.OrganisationKind == OrganisationKind.School && o.Numerator == 0)
            .Select(o => o.Organisation!.Name).ToListAsync();

        Assert.Equal(
            ["Гимназия № 10", "СШ № 135", "СШ № 32", "СШ № 42", "СШ № 50", "СШ № 56", "СШ № 62", "СШ № 89", "СШ № 95"],
            missing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Krasnoyarsk_Effectiveness_56OptimalAnd55Acceptable_MatchesTheSchoolsLevels()
    {
        var city = await database.MunicipalityIdAsync("город Красноярск");

        var slice = await SliceAsync("krasnoyarsk", TerritoryRef.Municipality(city), Effectiveness, OrganisationKind.School);

        Assert.Equal(56, slice.PublishedLevels![1]);
        Assert.Equal(55, slice.PublishedLevels[2]);
        Assert.Equal(56, slice.FromChildren!.LevelCounts![1]);
        Assert.Equal(55, slice.FromChildren.LevelCounts[2]);
        Assert.False(slice.IsMismatch);
    }

    [Fact]
    public async Task Krasnoyarsk_ASchoolsOwnLevel_IsShownAsItsLevel()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var school = await db.Organisations.Where(o => o.Name == "СШ № 50").Select(o => o.Id).SingleAsync();

        var slice = await SliceAsync("krasnoyarsk", TerritoryRef.Organisation(school), DocPackage, OrganisationKind.School);

        // СШ № 50 lacks documents, so its package is «в стадии формирования».
        Assert.Equal(2, slice.Published!.Value.LevelCode);
    }

    [Fact]
    public async Task StaryOskol_RegulationIn78Of123Organisations_Is63Percent()
    {
        var okrug = await database.MunicipalityIdAsync("Старооскольский городской округ");

        var slice = await SliceAsync("belgorod", TerritoryRef.Municipality(okrug), DocRegulation);

        Assert.Equal(78, slice.Published!.Value.Numerator);
        Assert.Equal(123, slice.Published.Value.Denominator);
        Assert.Equal("63,4\u00A0%", Format.Percent(slice.Published.Value.Percent));
        Assert.Equal(78, slice.FromChildren!.Figure.Numerator);
        Assert.False(slice.IsMismatch);
    }

    [Fact]
    public async Task StaryOskol_Published184Programmes_DifferFromTheTable_58Plus127Plus3_AndAreFlagged()
    {
        var okrug = await database.MunicipalityIdAsync("Старооскольский городской округ");

        var slice = await SliceAsync("belgorod", TerritoryRef.Municipality(okrug), ProgrammesImplemented);

        Assert.Equal(184, slice.Published!.Value.Value);
        Assert.Equal(188, slice.FromChildren!.Figure.Value);
        Assert.True(slice.IsMismatch);
    }

    [Fact]
    public async Task Tomsk_June2023_StudentStudentForm_207Of292Schools()
    {
        var region = await database.RegionIdAsync("tomsk");

        var slice = await SliceAsync("tomsk", TerritoryRef.Region(region), FormStudentStudent, OrganisationKind.School);

        Assert.Equal(207, slice.Published!.Value.Numerator);
        Assert.Equal(292, slice.Published.Value.Denominator);
        Assert.Equal(207, slice.FromChildren!.Figure.Numerator);
        Assert.Equal(292, slice.FromChildren.Figure.Denominator);
    }

    [Fact]
    public async Task Kuzbass_GeneralEducationMentees_InOkrugsAndDistricts_FellFrom9Point1To6Point2()
    {
        var region = await database.RegionIdAsync("kuzbass");
        var campaigns = await database.Queries.GetCampaignsAsync(region);

        var y2022 = await SliceAsync("kuzbass", TerritoryRef.Region(region), StudentMentees, OrganisationKind.School, MunicipalityGroup.OkrugsAndDistricts, campaigns[0].Id);
        var y2021 = await SliceAsync("kuzbass", TerritoryRef.Region(region), StudentMentees, OrganisationKind.School, MunicipalityGroup.OkrugsAndDistricts, campaigns[1].Id);

        Assert.Equal("6,2\u00A0%", Format.Percent(y2022.Shown!.Value.Percent));
        Assert.Equal("9,1\u00A0%", Format.Percent(y2021.Shown!.Value.Percent));
    }

    [Fact]
    public async Task EveryRegion_HasCampaigns_AndEveryObservationNamesItsSource()
    {
        await using var db = await database.Factory.CreateDbContextAsync();

        Assert.Equal(5, await db.Regions.CountAsync());
        Assert.False(await db.Observations.AnyAsync(o => o.Source == ""));
        Assert.All(await database.Queries.GetRegionsAsync(), r => Assert.NotEmpty(r.Campaigns));
    }

    [Fact]
    public async Task RegionSummaries_CountTheDistinctIndicatorsOfEachRegionsObservations()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var expected = (await db.Observations.Select(o => new { o.RegionId, o.IndicatorCode }).Distinct().ToListAsync())
            .GroupBy(o => o.RegionId).ToDictionary(g => g.Key, g => g.Count());

        var regions = await database.Queries.GetRegionsAsync();

        Assert.Equal(5, regions.Count);
        Assert.All(regions, r => Assert.Equal(expected[r.Id], r.IndicatorsWithData));
        Assert.Equal(expected[await database.RegionIdAsync("tomsk")], (await database.Queries.GetRegionAsync(await database.RegionIdAsync("tomsk"))).IndicatorsWithData);
    }
}

[Collection(SqliteDatabaseCollection.Name)]
public sealed class SeedFiguresOnSqlite(SqliteSeededDatabase database) : SeedFigureTests(database);

[Collection(PostgreSqlDatabaseCollection.Name)]
public sealed class SeedFiguresOnPostgreSql(PostgreSqlSeededDatabase database) : SeedFigureTests(database);
