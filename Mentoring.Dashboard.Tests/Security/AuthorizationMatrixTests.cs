using System.Security.Claims;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>
/// Every role × every data query × a territory inside and outside the user's scope, against the seeded database.
/// The expected cells are written out by hand: they are the access model as the product owner described it.
/// </summary>
public abstract class AuthorizationMatrixTests(SeededDatabase database)
{
    // Users: Krasnodar krai; municipality город-курорт Анапа; school МАОУ «КШ» in Anapa.
    public static TheoryData<string, string, bool> Cells()
    {
        string[] operations = ["region", "region detail", "other region", "municipality", "municipality detail",
            "other municipality", "other municipality detail", "organisation", "other municipality's organisation", "other region's organisation"];
        var expected = new Dictionary<string, string>
        {
            // 1 = allowed, 0 = denied, in the order of `operations`.
            ["administrator"] = "1111111111",
            ["official"] = "1101111110",
            ["presenter"] = "1101111110",
            ["head"] = "1101110100",
            ["curator"] = "1001000100",
            ["anonymous"] = "0000000000",
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (user, cells) in expected)
            for (var i = 0; i < operations.Length; i++)
                data.Add(user, operations[i], cells[i] == '1');
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Query_IsAllowedOnlyInsideTheUsersTerritory(string user, string operation, bool allowed)
    {
        var ids = await IdsAsync();
        var queries = database.QueriesAs(await UserAsync(user, ids));

        Func<Task> call = operation switch
        {
            "region" => () => queries.GetFiguresAsync(ids.KrasnodarCampaign, TerritoryRef.Region(ids.Krasnodar)),
            "region detail" => () => queries.GetMunicipalityRowsAsync(ids.Krasnodar, ids.KrasnodarCampaign, Mentoring.Domain.Indicators.IndicatorCatalogue.FormTeacherTeacher),
            "other region" => () => queries.GetFiguresAsync(ids.KrasnoyarskCampaign, TerritoryRef.Region(ids.Krasnoyarsk)),
            "municipality" => () => queries.GetFiguresAsync(ids.KrasnodarCampaign, TerritoryRef.Municipality(ids.Anapa)),
            "municipality detail" => () => queries.GetOrganisationRowsAsync(ids.Anapa, ids.KrasnodarCampaign, ["FORM_TT"]),
            "other municipality" => () => queries.GetMunicipalityAsync(ids.Armavir),
            "other municipality detail" => () => queries.GetOrganisationRowsAsync(ids.Armavir, ids.KrasnodarCampaign, ["FORM_TT"]),
            "organisation" => () => queries.GetOrganisationAsync(ids.AnapaSchool),
            "other municipality's organisation" => () => queries.GetFiguresAsync(ids.KrasnodarCampaign, TerritoryRef.Organisation(ids.ArmavirSchool)),
            "other region's organisation" => () => queries.GetOrganisationAsync(ids.KrasnoyarskSchool),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        if (allowed)
            await call();
        else
            await Assert.ThrowsAsync<TerritoryAccessDeniedException>(call);
    }

    // The analytical services, same users. Recommendations and data quality name organisations or list municipalities,
    // so they need the territory in detail; conclusions and dynamics speak of the territory's own figures.
    public static TheoryData<string, string, bool> AnalysisCells()
    {
        string[] operations = ["region conclusions", "region dynamics", "region recommendations", "region quality",
            "municipality conclusions", "municipality recommendations", "other municipality recommendations", "other region conclusions"];
        var expected = new Dictionary<string, string>
        {
            ["administrator"] = "11111111",
            ["official"] = "11111110",
            ["presenter"] = "11111110",
            ["head"] = "11111100",
            ["curator"] = "11001000",
            ["anonymous"] = "00000000",
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (user, cells) in expected)
            for (var i = 0; i < operations.Length; i++)
                data.Add(user, operations[i], cells[i] == '1');
        return data;
    }

    [Theory]
    [MemberData(nameof(AnalysisCells))]
    public async Task Analysis_IsAllowedOnlyInsideTheUsersTerritory(string user, string operation, bool allowed)
    {
        var ids = await IdsAsync();
        var principal = await UserAsync(user, ids);

        Func<Task> call = operation switch
        {
            "region conclusions" => () => database.ConclusionsAs(principal).ForRegionAsync(ids.Krasnodar, ids.KrasnodarCampaign),
            "region dynamics" => () => database.DynamicsAs(principal).GetAsync(ids.Krasnodar, null, ids.KrasnodarCampaign),
            "region recommendations" => () => database.RecommendationsAs(principal).GetAsync(TerritoryRef.Region(ids.Krasnodar), ids.KrasnodarCampaign),
            "region quality" => () => database.QualityAs(principal).GetAsync(ids.Krasnodar),
            "municipality conclusions" => () => database.ConclusionsAs(principal).ForMunicipalityAsync(ids.Anapa, ids.KrasnodarCampaign),
            "municipality recommendations" => () => database.RecommendationsAs(principal).GetAsync(TerritoryRef.Municipality(ids.Anapa), ids.KrasnodarCampaign),
            "other municipality recommendations" => () => database.RecommendationsAs(principal).GetAsync(TerritoryRef.Municipality(ids.Armavir), ids.KrasnodarCampaign),
            "other region conclusions" => () => database.ConclusionsAs(principal).ForRegionAsync(ids.Krasnoyarsk, ids.KrasnoyarskCampaign),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        if (allowed)
            await call();
        else
            await Assert.ThrowsAsync<TerritoryAccessDeniedException>(call);
    }

    [Theory]
    [InlineData("administrator", 5)]
    [InlineData("official", 1)]
    [InlineData("head", 1)]
    [InlineData("curator", 1)]
    [InlineData("anonymous", 0)]
    public async Task RegionsList_ShowsOnlyTheUsersRegions(string user, int count)
    {
        var ids = await IdsAsync();

        var regions = await database.QueriesAs(await UserAsync(user, ids)).GetRegionsAsync();

        Assert.Equal(count, regions.Count);
        if (count == 1)
            Assert.Equal("Краснодарский край", regions[0].Name);
    }

    [Fact]
    public async Task CampaignOfAnotherRegion_CannotBeUsedToReadOwnTerritory()
    {
        var ids = await IdsAsync();
        var queries = database.QueriesAs(TestUsers.For(Roles.RegionalOfficial, ids.Krasnodar));

        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => queries.GetFiguresAsync(ids.KrasnoyarskCampaign, TerritoryRef.Region(ids.Krasnodar)));
    }

    [Fact]
    public async Task UnknownTerritory_IsDeniedLikeAnOutOfScopeOne()
    {
        var queries = database.QueriesAs(TestUsers.For(Roles.RegionalOfficial, 1));

        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => queries.GetOrganisationAsync(999_999));
    }

    private sealed record Ids(int Krasnodar, int Krasnoyarsk, int KrasnodarCampaign, int KrasnoyarskCampaign,
        int Anapa, int Armavir, int AnapaSchool, int ArmavirSchool, int KrasnoyarskSchool);

    private async Task<Ids> IdsAsync() => new(
        await database.RegionIdAsync("krasnodar"),
        await database.RegionIdAsync("krasnoyarsk"),
        await database.LatestCampaignIdAsync("krasnodar"),
        await database.LatestCampaignIdAsync("krasnoyarsk"),
        await database.MunicipalityIdAsync("город-курорт Анапа"),
        await database.MunicipalityIdAsync("город Армавир"),
        await database.OrganisationIdAsync("МАОУ «КШ»", "город-курорт Анапа"),
        await database.OrganisationIdAsync("Школа № 1 (демо)", "город Армавир"),
        await database.OrganisationIdAsync("СШ № 50", "город Красноярск"));

    private static Task<ClaimsPrincipal> UserAsync(string user, Ids ids) => Task.FromResult(user switch
    {
        "administrator" => TestUsers.For(Roles.Administrator),
        "official" => TestUsers.For(Roles.RegionalOfficial, ids.Krasnodar),
        "presenter" => TestUsers.For(Roles.Presenter, ids.Krasnodar),
        "head" => TestUsers.For(Roles.MunicipalHead, ids.Krasnodar, ids.Anapa),
        "curator" => TestUsers.For(Roles.Curator, ids.Krasnodar, ids.Anapa, ids.AnapaSchool),
        _ => TestUsers.Anonymous,
    });
}

[Collection(SqliteDatabaseCollection.Name)]
public sealed class AuthorizationMatrixOnSqlite(SqliteSeededDatabase database) : AuthorizationMatrixTests(database);

[Collection(PostgreSqlDatabaseCollection.Name)]
public sealed class AuthorizationMatrixOnPostgreSql(PostgreSqlSeededDatabase database) : AuthorizationMatrixTests(database);
