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
            "other municipality", "other municipality detail", "organisation", "other municipality's organisation", "other region's organisation",
            "region summary", "other region summary", "campaigns", "comparable indicators", "organisation's demo indicators", "other municipality's demo indicators"];
        var expected = new Dictionary<string, string>
        {
            // 1 = allowed, 0 = denied, in the order of `operations`.
            ["administrator"] = "1111111111" + "111111",
            ["official"] = "1101111110" + "101111",
            ["presenter"] = "1101111110" + "101111",
            ["head"] = "1101110100" + "101110",
            ["curator"] = "1001000100" + "101010",
            ["anonymous"] = "0000000000" + "000000",
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (user, cells) in expected)
            for (var i = 0; i < operations.Length; i++)
                data.Add(user, operations[i], cells[i] == '1');
        return data;
    }

    /// <summary>
    /// What an allowed call returns, the same for every role allowed it (figures are the territory's, not the viewer's):
    /// a denied call is not the only way to leak, so each allowed one must return exactly this.
    /// </summary>
    private static readonly Dictionary<string, string> Returned = new()
    {
        ["region"] = "7: FORM_TT 78,2\u00A0% 1\u00A0007 из 1\u00A0287 ОО (всего — демо-реестр); FORM_TS 67,8\u00A0% 873 из 1\u00A0287 ОО (всего — демо-реестр); FORM_SS 37,5\u00A0% 483 из 1\u00A0287 ОО (всего — демо-реестр)",
        ["region detail"] = "44: город Армавир 90,9\u00A0% … Абинский район 44,4\u00A0%",
        ["other region"] = "27: TCH_YOUNG_MENTEES 78,7\u00A0% 729 из 926; TCH_MENTORS 764 чел.; TCH_PAIRS 856 ед.",
        ["municipality"] = "6: FORM_TT 75\u00A0% 24 из 32 ОО; FORM_TS 40,6\u00A0% 13 из 32 ОО; FORM_SS 34,4\u00A0% 11 из 32 ОО",
        ["municipality detail"] = "33: ГБОУ школа № 13 г.-к. Анапа … Учреждение доп. образования № 1 (демо)",
        ["other municipality"] = "город Армавир, Краснодарский край",
        ["other municipality detail"] = "36: Учреждение доп. образования № 1 (демо) … Школа № 9 (демо)",
        ["organisation"] = "МАОУ «КШ», город-курорт Анапа",
        ["other municipality's organisation"] = "5: FORM_TT 100\u00A0% 1 из 1 ОО; FORM_TS 100\u00A0% 1 из 1 ОО; FORM_SS 100\u00A0% 1 из 1 ОО",
        ["other region's organisation"] = "СШ № 50, город Красноярск",
        ["region summary"] = "Краснодарский край: муниципалитетов 44, ОО 1287 (демо 1255)",
        ["other region summary"] = "Красноярский край: муниципалитетов 1, ОО 127 (демо 73) данные: город Красноярск",
        ["campaigns"] = "01.08.2022 Реализация ЦМН: данные к Августовскому совещанию 2022",
        ["comparable indicators"] = "FORM_TT, FORM_TS, FORM_SS, FORM_US, FORM_ES, TRN_TEACHERS",
        ["organisation's demo indicators"] = "FORM_ES, FORM_SS, FORM_TS, FORM_TT, FORM_US",
        ["other municipality's demo indicators"] = "FORM_ES, FORM_SS, FORM_TS, FORM_TT, FORM_US",
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Query_IsAllowedOnlyInsideTheUsersTerritory_AndReturnsExactlyItsData(string user, string operation, bool allowed)
    {
        var ids = await IdsAsync();
        var queries = database.QueriesAs(await UserAsync(user, ids));

        Func<Task<string>> read = operation switch
        {
            "region" => async () => Headlines(await queries.GetFiguresAsync(ids.KrasnodarCampaign, TerritoryRef.Region(ids.Krasnodar))),
            "region detail" => async () => Rows(await queries.GetMunicipalityRowsAsync(ids.Krasnodar, ids.KrasnodarCampaign, Mentoring.Domain.Indicators.IndicatorCatalogue.FormTeacherTeacher)),
            "other region" => async () => Headlines(await queries.GetFiguresAsync(ids.KrasnoyarskCampaign, TerritoryRef.Region(ids.Krasnoyarsk))),
            "municipality" => async () => Headlines(await queries.GetFiguresAsync(ids.KrasnodarCampaign, TerritoryRef.Municipality(ids.Anapa))),
            "municipality detail" => async () => Organisations(await queries.GetOrganisationRowsAsync(ids.Anapa, ids.KrasnodarCampaign, ["FORM_TT"])),
            "other municipality" => async () => (await queries.GetMunicipalityAsync(ids.Armavir)) is { } m ? $"{m.Name}, {m.RegionName}" : "нет",
            "other municipality detail" => async () => Organisations(await queries.GetOrganisationRowsAsync(ids.Armavir, ids.KrasnodarCampaign, ["FORM_TT"])),
            "organisation" => async () => (await queries.GetOrganisationAsync(ids.AnapaSchool)) is { } o ? $"{o.Name}, {o.MunicipalityName}" : "нет",
            "other municipality's organisation" => async () => Headlines(await queries.GetFiguresAsync(ids.KrasnodarCampaign, TerritoryRef.Organisation(ids.ArmavirSchool))),
            "other region's organisation" => async () => (await queries.GetOrganisationAsync(ids.KrasnoyarskSchool)) is { } o ? $"{o.Name}, {o.MunicipalityName}" : "нет",
            "region summary" => async () => Summary(await queries.GetRegionAsync(ids.Krasnodar)),
            "other region summary" => async () => Summary(await queries.GetRegionAsync(ids.Krasnoyarsk)),
            // Closed rounds only: other tests of this database open rounds of their own.
            "campaigns" => async () => string.Join("; ", (await queries.GetCampaignsAsync(ids.Krasnodar)).Where(c => c.State == Mentoring.Domain.Monitoring.CampaignState.Closed)
                .Select(c => $"{Format.Date(c.AsOf)} {c.Title}")),
            "comparable indicators" => async () => string.Join(", ", (await queries.GetComparableIndicatorsAsync(ids.Krasnodar, ids.KrasnodarCampaign)).Select(i => i.Code)),
            "organisation's demo indicators" => async () => string.Join(", ", await queries.GetSyntheticIndicatorCodesAsync(ids.KrasnodarCampaign, ids.AnapaSchool)),
            "other municipality's demo indicators" => async () => string.Join(", ", await queries.GetSyntheticIndicatorCodesAsync(ids.KrasnodarCampaign, ids.ArmavirSchool)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        if (allowed)
            Assert.Equal(Returned[operation], await read());
        else
            await Assert.ThrowsAsync<TerritoryAccessDeniedException>(read);
    }

    /// <summary>A region's heading as the region page shows it.</summary>
    private static string Summary(RegionSummary r) =>
        $"{r.Name}: муниципалитетов {r.Municipalities}, ОО {r.Organisations} (демо {r.SyntheticOrganisations}) {r.Coverage}".TrimEnd();

    /// <summary>How many indicators have a figure, and the first three headlines as the page shows them with their counts.</summary>
    private static string Headlines(IReadOnlyList<IndicatorFigures> figures)
    {
        var shown = figures.Where(f => f.Headline is not null).ToList();
        return $"{shown.Count}: " + string.Join("; ", shown.Take(3).Select(f => $"{f.Indicator.Code} {FigureText.Headline(f.Headline!)} {FigureText.Detail(f.Headline!)}".TrimEnd()));
    }

    /// <summary>The ranking as the table shows it: how many municipalities, and the first and last by share.</summary>
    private static string Rows(IReadOnlyList<MunicipalityRow> rows)
    {
        var ranked = ComparisonRow.Ranked(rows.Select(r => ComparisonRow.From(r)));
        return $"{rows.Count}: {ranked[0].Name} {ranked[0].ValueText} … {ranked[^1].Name} {ranked[^1].ValueText}";
    }

    /// <summary>How many organisations a municipality's table names, and the first and last by name.</summary>
    private static string Organisations(IReadOnlyList<OrganisationRow> rows)
    {
        var names = rows.Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        return $"{rows.Count}: {names[0]} … {names[^1]}";
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

    /// <summary>What each allowed analysis returns, the same for every role allowed it.</summary>
    private static readonly Dictionary<string, string> Analysed = new()
    {
        ["region conclusions"] = "17: Отстают от плана: «Учитель-учитель» – 78,24\u00A0% (демо) при",
        ["region dynamics"] = "5 показателей, 352 значений муниципалитетов, база «»",
        ["region recommendations"] = "5: 207, 414, 804, 1063, 1067",
        ["region quality"] = "1: Краснодарский край FORM_TT",
        ["municipality conclusions"] = "2: Ниже среднего по региону (Краснодарский край): «Учитель-учитель» (ОУ)",
        ["municipality recommendations"] = "5: 8, 20, 22, 29, 31",
        ["other municipality recommendations"] = "5: 3, 4, 18, 28, 30",
        ["other region conclusions"] = "7: По сравнению с 2022 г. из 1 сопоставимого",
    };

    /// <summary>
    /// Where a role's findings differ, by design: a curator's region conclusions and dynamics leave out what only
    /// municipal figures show; a head's region recommendations name only their municipality's organisations.
    /// </summary>
    private static readonly Dictionary<(string User, string Operation), string> AnalysedFor = new()
    {
        [("curator", "region conclusions")] = "1: Отстают от плана: «Учитель-учитель» – 78,24\u00A0% (демо) при",
        [("curator", "region dynamics")] = "0 показателей, 0 значений муниципалитетов, база «»",
        [("head", "region recommendations")] = "5: 8, 20, 22, 29, 31",
    };

    [Theory]
    [MemberData(nameof(AnalysisCells))]
    public async Task Analysis_IsAllowedOnlyInsideTheUsersTerritory_AndReturnsExactlyItsFindings(string user, string operation, bool allowed)
    {
        var ids = await IdsAsync();
        var principal = await UserAsync(user, ids);

        Func<Task<string>> read = operation switch
        {
            "region conclusions" => async () => Sentences(await database.ConclusionsAs(principal).ForRegionAsync(ids.Krasnodar, ids.KrasnodarCampaign)),
            "region dynamics" => async () => (await database.DynamicsAs(principal).GetAsync(ids.Krasnodar, null, ids.KrasnodarCampaign)) is var d
                ? $"{d.Indicators.Count} показателей, {d.Indicators.Sum(i => i.Municipalities.Count)} значений муниципалитетов, база «{d.BaseLabel}»" : "",
            "region recommendations" => async () => Addressed(await database.RecommendationsAs(principal).GetAsync(TerritoryRef.Region(ids.Krasnodar), ids.KrasnodarCampaign)),
            "region quality" => async () => (await database.QualityAs(principal).GetAsync(ids.Krasnodar)) is var q
                ? $"{q.Count}: {string.Join("; ", q.Select(w => $"{w.Territory} {w.Indicator?.Code}"))}" : "",
            "municipality conclusions" => async () => Sentences(await database.ConclusionsAs(principal).ForMunicipalityAsync(ids.Anapa, ids.KrasnodarCampaign)),
            "municipality recommendations" => async () => Addressed(await database.RecommendationsAs(principal).GetAsync(TerritoryRef.Municipality(ids.Anapa), ids.KrasnodarCampaign)),
            "other municipality recommendations" => async () => Addressed(await database.RecommendationsAs(principal).GetAsync(TerritoryRef.Municipality(ids.Armavir), ids.KrasnodarCampaign)),
            "other region conclusions" => async () => Sentences(await database.ConclusionsAs(principal).ForRegionAsync(ids.Krasnoyarsk, ids.KrasnoyarskCampaign)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        if (allowed)
            Assert.Equal(AnalysedFor.GetValueOrDefault((user, operation)) ?? Analysed[operation], await read());
        else
            await Assert.ThrowsAsync<TerritoryAccessDeniedException>(read);
    }

    /// <summary>How many sentences, and the first one's opening words.</summary>
    private static string Sentences(IReadOnlyList<Mentoring.Dashboard.Services.Analytics.Conclusion> conclusions) =>
        $"{conclusions.Count}: {string.Join(" ", conclusions[0].Text.Split(' ').Take(8))}";

    /// <summary>How many recommendations, and how many organisations each is addressed to.</summary>
    private static string Addressed(IReadOnlyList<Mentoring.Dashboard.Services.Analytics.Recommendation> recommendations) =>
        $"{recommendations.Count}: {string.Join(", ", recommendations.Select(r => r.Organisations.Count))}";

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
