using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Analysis;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Tests.Analytics;

public abstract class RecommendationsAndQualityTests(SeededDatabase database)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = TestUsers.For(Roles.Administrator);

    [Fact]
    public async Task Krasnoyarsk_OrderOnPairs_IsRecommendedToExactlyTheOrganisationsOfAppendix1_InItsOrder()
    {
        var city = await database.MunicipalityIdAsync("город Красноярск");
        var recommendations = await database.RecommendationsAs(Admin)
            .GetAsync(TerritoryRef.Municipality(city), await database.LatestCampaignIdAsync("krasnoyarsk"));

        var pairs = recommendations.Single(r => r.Indicator.Code == DocOrderPairs);
        // Appendix 1: "Гимназия №№ 10, СШ № 32, 42, 50, 56, 62, 89, 95, 135, ДО ЦДО «Спектр»".
        Assert.Equal(
            ["Гимназия № 10", "СШ № 32", "СШ № 42", "СШ № 50", "СШ № 56", "СШ № 62", "СШ № 89", "СШ № 95", "СШ № 135", "ДО ЦДО «Спектр»"],
            pairs.Organisations.Select(o => o.Name));
        Assert.Equal(127, pairs.Reporting);
        Assert.Equal(RecommendationCatalogue.Documents, pairs.Direction);
        Assert.Equal(["СШ № 10", "СШ № 50"], recommendations.Single(r => r.Indicator.Code == DocOrderImplementation).Organisations.Select(o => o.Name));
    }

    [Fact]
    public async Task Recommendations_ForTheRegion_NameOnlyTheMunicipalHeadsOwnOrganisations()
    {
        var regionId = await database.RegionIdAsync("krasnodar");
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        var head = TestUsers.For(Roles.MunicipalHead, regionId, anapa);

        var recommendations = await database.RecommendationsAs(head).GetAsync(TerritoryRef.Region(regionId), await database.LatestCampaignIdAsync("krasnodar"));

        Assert.Equal(5, recommendations.Count);
        Assert.Equal(110, recommendations.Sum(r => r.Organisations.Count)); // Anapa's schools, form by form
        Assert.All(recommendations.SelectMany(r => r.Organisations), o => Assert.Equal("город-курорт Анапа", o.Municipality));
    }

    [Fact]
    public async Task Recommendations_AreRefusedToACurator()
    {
        var regionId = await database.RegionIdAsync("krasnoyarsk");
        var city = await database.MunicipalityIdAsync("город Красноярск");
        var school = await database.OrganisationIdAsync("СШ № 50", "город Красноярск");
        var curator = TestUsers.For(Roles.Curator, regionId, city, school);

        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() =>
            database.RecommendationsAs(curator).GetAsync(TerritoryRef.Municipality(city), database.LatestCampaignIdAsync("krasnoyarsk").Result));
    }

    [Fact]
    public async Task Export_KeepsTheRussianHeadersAndOneRowPerOrganisation()
    {
        var city = await database.MunicipalityIdAsync("город Красноярск");
        var recommendations = await database.RecommendationsAs(Admin).GetAsync(TerritoryRef.Municipality(city), await database.LatestCampaignIdAsync("krasnoyarsk"));
        var table = Recommendations.ToTable("Адресные рекомендации", recommendations);

        var csv = System.Text.Encoding.UTF8.GetString(Services.Export.CsvTableWriter.Write(table));
        Assert.StartsWith("\uFEFFНаправление;Рекомендация;Показатель;Муниципалитет;Организация", csv);
        Assert.Contains("СШ № 135", csv);
        Assert.Equal(recommendations.Sum(r => r.Organisations.Count), table.Rows.Count);
    }

    [Fact]
    public async Task XlsxExport_OpensAsASpreadsheet_WithTheSameRows()
    {
        var city = await database.MunicipalityIdAsync("город Красноярск");
        var recommendations = await database.RecommendationsAs(Admin).GetAsync(TerritoryRef.Municipality(city), await database.LatestCampaignIdAsync("krasnoyarsk"));
        var table = Recommendations.ToTable("Адресные рекомендации", recommendations);

        using var stream = new MemoryStream(Services.Export.XlsxTableWriter.Write(table));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();

        Assert.Equal(table.Rows.Count + 1, rows.Count);
        Assert.Equal("Направление", rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText);
        Assert.Contains(rows, r => r.InnerText.Contains("СШ № 135", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quality_FlagsTheSeedsOwnInconsistencies()
    {
        var warnings = new List<QualityWarning>();
        foreach (var region in new[] { "krasnodar", "belgorod", "krasnoyarsk", "tomsk", "kuzbass" })
            warnings.AddRange(await database.QualityAs(Admin).GetAsync(await database.RegionIdAsync(region)));
        var messages = warnings.Select(w => $"{w.Territory}: {w.Indicator?.Code}: {w.Message}").ToList();

        // Krasnodar: the summary slide's 1 007 against the table's 970 + 110.
        Assert.Contains(messages, m => m.StartsWith("Краснодарский край: FORM_TT: Опубликовано 1\u00A0007 ОО, по данным нижестоящего уровня 1\u00A0080", StringComparison.Ordinal));
        // Stary Oskol: 184 programmes published, 188 in the table by category.
        Assert.Contains(messages, m => m.Contains("PRG_IMPLEMENTED: Опубликовано 184 ед., по данным нижестоящего уровня 188 ед.", StringComparison.Ordinal));
        // Krasnoyarsk, October 2022: 3 + 72 + 30 = 105 schools of 111, and 30 of 111 printed as 32 %.
        Assert.Contains(messages, m => m.Contains("По уровням учтено 105 (3 + 72 + 30), а организаций 111", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Опубликовано 32\u00A0%, а 30 из 111 организаций — это 27\u00A0%", StringComparison.Ordinal));
        // Plus Krasnoyarsk, May 2023: effectiveness rated for 15 of 16 УДО («Спектр» did not take part).
        Assert.Contains(messages, m => m.Contains("EFFECTIVENESS: По уровням учтено 15 (12 + 3 + 0), а организаций 16", StringComparison.Ordinal));
        // Printed percentages more than half a unit from their counts: Krasnoyarsk's 51 % for 56 of 111 schools at the
        // optimal level (50,45 %) and 15 % for the 16 of 111 running «ученик-ученик» (14,4 %).
        Assert.Contains(messages, m => m.Contains("EFFECTIVENESS: Опубликовано 51\u00A0%, а 56 из 111 — это 50,5\u00A0%", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("FORM_SS: Опубликовано 15\u00A0%, а 16 из 111 — это 14,4\u00A0%", StringComparison.Ordinal));

        // Percentages cut off instead of rounded: Tomsk's 207 of 292 = 70,89 % printed «70,8 %» (a slip, not an error).
        Assert.Contains(messages, m => m == "Томская область: FORM_SS: Напечатано 70,8\u00A0%: 207 из 292 — это 70,89\u00A0%, последние знаки отброшены, а не округлены");
        Assert.DoesNotContain(warnings, w => w.Territory == "Томская область" && w.Kind == QualityIssueKind.PercentDiffersFromCounts);
        // A conclusion against its own tables: Kuzbass's «тенденция к снижению» where the slides print growth.
        Assert.Contains(messages, m => m.StartsWith("Кемеровская область — Кузбасс: STU_FORM_SS: В разделе «Выводы»: «тенденция к снижению", StringComparison.Ordinal)
                                       && m.EndsWith("а по данным отчёта: ОУ · муниципальные округа и районы 7,5\u00A0% → 8\u00A0%; ОУ · городские округа 7,2\u00A0% → 10,1\u00A0%", StringComparison.Ordinal));
        // The same figure printed twice: Krasnoyarsk's table 5 gives 19 % of УДО at the acceptable level, its conclusions 25 %.
        Assert.Contains(messages, m => m.StartsWith("город Красноярск: EFFECTIVENESS: В таблице 19\u00A0%, а в разделе «Выводы, п. 8» — 25\u00A0%", StringComparison.Ordinal));
        // A date that cannot be right: Stary Oskol's report as of 01.06.2022 was considered on 03.03.2022.
        Assert.Contains(messages, m => m.StartsWith("Белгородская область: : шапка отчёта: «РАССМОТРЕНА", StringComparison.Ordinal)
                                       && m.EndsWith("— 03.03.2022, раньше даты, на которую составлен отчёт (01.06.2022)", StringComparison.Ordinal));
        // A value that cannot be read: Kuzbass's «01%» is said to be unreadable, not shown as 0,1 %.
        Assert.Contains(messages, m => m.StartsWith("Кемеровская область — Кузбасс: STU_FORM_US: Напечатано «01%»", StringComparison.Ordinal));

        // Every class, counted per seed.
        var counted = warnings.GroupBy(w => (Seed: Seed(w), w.Kind)).ToDictionary(g => $"{g.Key.Seed}: {g.Key.Kind}", g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["krasnodar: TotalDiffersFromParts"] = 1,
            ["belgorod: TotalDiffersFromParts"] = 1,
            ["belgorod: ImpossibleDate"] = 1,
            ["krasnoyarsk: PercentDiffersFromCounts"] = 3,
            // 55 of 111 schools at the acceptable level is 49,55 %, printed «49 %» so that 51 % + 49 % make 100.
            ["krasnoyarsk: PercentTruncated"] = 1,
            ["krasnoyarsk: LevelCountsDifferFromTotal"] = 2,
            ["krasnoyarsk: PrintedTwiceDifferently"] = 2,
            ["krasnoyarsk: ImpossibleDate"] = 2,
            ["tomsk: PercentTruncated"] = 6,
            ["kuzbass: ConclusionContradictsFigures"] = 3,
            ["kuzbass: UnreadableValue"] = 1,
        }, counted);
    }

    private static string Seed(QualityWarning warning) => warning.Territory switch
    {
        "Краснодарский край" => "krasnodar",
        "Белгородская область" or "Старооскольский городской округ" => "belgorod",
        "Красноярский край" or "город Красноярск" => "krasnoyarsk",
        "Томская область" => "tomsk",
        "Кемеровская область — Кузбасс" => "kuzbass",
        var other => other,
    };
}

[Collection(SqliteDatabaseCollection.Name)]
public sealed class RecommendationsAndQualityOnSqlite(SqliteSeededDatabase database) : RecommendationsAndQualityTests(database);

[Collection(PostgreSqlDatabaseCollection.Name)]
public sealed class RecommendationsAndQualityOnPostgreSql(PostgreSqlSeededDatabase database) : RecommendationsAndQualityTests(database);
