using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Analysis;
using Mentoring.Domain.Territories;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Tests.Analytics;

/// <summary>The seeds' hand-written dynamics and "Выводы", reproduced from the data.</summary>
public abstract class DynamicsAndConclusionsTests(SeededDatabase database)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = TestUsers.For(Roles.Administrator);

    private async Task<DynamicsReport> KuzbassAsync() => await database.DynamicsAs(Admin).GetAsync(
        await database.RegionIdAsync("kuzbass"),
        await database.CampaignIdAsync("kuzbass", new DateOnly(2021, 12, 1)),
        await database.CampaignIdAsync("kuzbass", new DateOnly(2022, 12, 1)));

    [Fact]
    public async Task Kuzbass_GeneralEducationMentees_InOkrugsAndDistricts_Fell_From9Point1To6Point2()
    {
        var report = await KuzbassAsync();

        var change = report.Indicators.Single(i => i.Indicator.Code == StudentMentees).Region
            .Single(s => s.Kind == OrganisationKind.School && s.Group == MunicipalityGroup.OkrugsAndDistricts);
        Assert.Equal(9.1m, change.Before.Value);
        Assert.Equal(6.2m, change.After.Value);
        Assert.Equal(ChangeDirection.Decrease, change.Change.Direction);
        Assert.Equal("−2,9\u00A0п.п.", change.After.DeltaText(change.Before));
        Assert.Equal("2021 г.", report.BaseLabel);
    }

    [Fact]
    public async Task Krasnoyarsk_YoungTeachersInProgrammes_165To701_AsTheReportComparesThem()
    {
        // «в 2021-2022 учебном году – 165 чел., в 2022-2023 учебном году – 701 чел.»: the October 2022 site monitoring
        // (the base by default) did not measure it, so the change is taken from the round that did, and said so.
        var region = await database.RegionIdAsync("krasnoyarsk");
        var report = await database.DynamicsAs(Admin).GetAsync(region,
            await database.CampaignIdAsync("krasnoyarsk", new DateOnly(2022, 10, 31)), await database.CampaignIdAsync("krasnoyarsk", new DateOnly(2023, 5, 15)));

        var change = report.Indicators.Single(i => i.Indicator.Code == YoungTeachersMentees).Region.Single(s => s.Kind == OrganisationKind.School);
        Assert.Equal(("165 чел.", "701 чел.", "+536\u00A0чел."), (change.Before.Text, change.After.Text, change.After.DeltaText(change.Before)));
        Assert.Equal(new DateOnly(2022, 5, 31), change.EarlierRound!.AsOf);
        Assert.False(change.Before.IsSynthetic || change.After.IsSynthetic);
    }

    [Fact]
    public async Task Kuzbass_StudentStudentForm_GrowthListsAreGroupedByMunicipalityKind()
    {
        var lists = (await KuzbassAsync()).Indicators.Single(i => i.Indicator.Code == StudentFormStudentStudent).Lists();

        var districts = lists.Single(l => l.Group == MunicipalityGroup.OkrugsAndDistricts);
        var cities = lists.Single(l => l.Group == MunicipalityGroup.CityOkrugs);
        Assert.Equal(["Таштагольский МР", "Яшкинский МО", "Яйский МО", "Чебулинский МО"], districts.Increased.Select(m => m.Name));
        Assert.Contains(cities.Increased, m => m.ChangeText == "Калтанский ГО (3\u00A0% → 17,5\u00A0%)");
        Assert.Empty(districts.Decreased);
        Assert.Equal(10, districts.Increased.Count + cities.Increased.Count);
    }

    [Fact]
    public async Task Krasnodar_MunicipalitiesThatHaveNotStartedTeacherStudentInSchools_AreTheTwoWithZero()
    {
        var regionId = await database.RegionIdAsync("krasnodar");
        var report = await database.DynamicsAs(Admin).GetAsync(regionId, null, await database.LatestCampaignIdAsync("krasnodar"));

        var schools = report.Indicators.Single(i => i.Indicator.Code == FormTeacherStudent).Lists()
            .Where(l => l.OrganisationKind == OrganisationKind.School).SelectMany(l => l.NotStarted).Select(m => m.Name);
        Assert.Equal(["Белоглинский район", "Лабинский район"], schools);

        // The conclusion names them; under the deck's «Не приступили к реализации» heading it does not repeat those words.
        var conclusion = (await database.ConclusionsAs(Admin).ForRegionAsync(regionId, await database.LatestCampaignIdAsync("krasnodar")))
            .Single(c => c.IsAboutNonStarters && c.Text.Contains("«Учитель-ученик» (ОУ)", StringComparison.Ordinal));
        Assert.Equal("Не приступили к реализации: «Учитель-ученик» (ОУ) – 2 муниципалитета: Белоглинский район, Лабинский район.", conclusion.Text);
        Assert.Equal("«Учитель-ученик» (ОУ) – 2 муниципалитета: Белоглинский район, Лабинский район.", conclusion.UnderHeading);
    }

    [Fact]
    public async Task Kuzbass_Conclusion_StatesTheFallWithBothFigures_AndTracesThemToTheirCampaigns()
    {
        var conclusions = await database.ConclusionsAs(Admin).ForRegionAsync(
            await database.RegionIdAsync("kuzbass"), await database.LatestCampaignIdAsync("kuzbass"));

        var mentees = conclusions.Single(c => c.Text.StartsWith("«Обучающиеся-наставляемые»", StringComparison.Ordinal));
        Assert.Contains("ОУ · муниципальные округа и районы – уменьшился и составил 6,2\u00A0%, в 2021 г. – 9,1\u00A0%", mentees.Text);
        Assert.Contains(mentees.Evidence, e => e.Value == "6,2\u00A0%" && e.Campaign == "на 01.12.2022");
        Assert.Contains(mentees.Evidence, e => e.Value == "9,1\u00A0%" && e.Campaign == "на 01.12.2021");
    }

    [Fact]
    public async Task Tomsk_Conclusions_SayIndicator1MetItsPlan_AndIndicator2IsBehind()
    {
        var texts = (await database.ConclusionsAs(Admin).ForRegionAsync(
            await database.RegionIdAsync("tomsk"), await database.LatestCampaignIdAsync("tomsk"))).Select(c => c.Text).ToList();

        var met = texts.Single(t => t.StartsWith("Плановые значения достигнуты", StringComparison.Ordinal));
        var behind = texts.Single(t => t.StartsWith("Отстают от плана", StringComparison.Ordinal));
        Assert.Contains("«Обучающиеся 5–11 кл. в наставничестве» – 51,56\u00A0% при плане 50\u00A0% на 2023 г.", met);
        Assert.Contains("«Обучающиеся доп. образования в наставничестве» – 38,44\u00A0% при плане 50\u00A0% на 2023 г.", behind);
        Assert.DoesNotContain("5–11", behind);
    }

    [Fact]
    public async Task Krasnoyarsk_MunicipalConclusions_NameTheFormsNoSupplementaryOrganisationRuns()
    {
        var city = await database.MunicipalityIdAsync("город Красноярск");
        var conclusions = await database.ConclusionsAs(Admin).ForMunicipalityAsync(city, await database.LatestCampaignIdAsync("krasnoyarsk"));

        var notRun = conclusions.Single(c => c.Text.StartsWith("Не реализуются", StringComparison.Ordinal)).Text;
        Assert.Contains("форма «Ученик-ученик» (УДО)", notRun);
        Assert.DoesNotContain("(ОУ)", notRun);
    }
}

[Collection(SqliteDatabaseCollection.Name)]
public sealed class DynamicsAndConclusionsOnSqlite(SqliteSeededDatabase database) : DynamicsAndConclusionsTests(database);

[Collection(PostgreSqlDatabaseCollection.Name)]
public sealed class DynamicsAndConclusionsOnPostgreSql(PostgreSqlSeededDatabase database) : DynamicsAndConclusionsTests(database);
