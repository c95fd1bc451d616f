using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Tests.Data;

/// <summary>
/// Every figure a report publishes, at the level it was published, in the text the indicator table and the cards
/// show (<see cref="FigureText"/>, the code the pages use): the official holding the printed report finds it there,
/// as printed, in its unit, with the report's own denominator, and never marked «ДЕМО».
/// </summary>
public abstract class PublishedFiguresTests(SeededDatabase database)
{
    /// <summary>Published figures per seed (municipal and regional rows; a level table counts each level).</summary>
    [Theory]
    [InlineData("krasnodar", 410)]
    [InlineData("belgorod", 20)]
    [InlineData("krasnoyarsk", 60)]
    [InlineData("tomsk", 37)]
    [InlineData("kuzbass", 49)]
    public async Task EveryPublishedFigure_IsOnItsTerritorysPage_AsPrinted(string region, int published)
    {
        var regionId = await database.RegionIdAsync(region);
        await using var db = await database.Factory.CreateDbContextAsync();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.RegionId == regionId && o.Level != ObservationLevel.Organisation && !o.IsSynthetic)
            .ToListAsync();
        var problems = new List<string>();
        // The download of each territory's indicator table must carry the same printed figures as its page.
        var tables = new Services.Export.DashboardTables(database.Queries, null!, null!, null!, null!, null!, null!);
        var downloads = new Dictionary<(int, TerritoryRef), Services.Export.ExportTable>();
        foreach (var o in rows)
        {
            var territory = o.Level == ObservationLevel.Region ? TerritoryRef.Region(regionId) : TerritoryRef.Municipality(o.MunicipalityId!.Value);
            var slice = (await database.Queries.GetFiguresAsync(o.CampaignId, territory))
                .SingleOrDefault(f => f.Indicator.Code == o.IndicatorCode)?.Slices
                .SingleOrDefault(s => s.Kind == o.OrganisationKind && s.Group == o.MunicipalityGroup);
            var indicator = IndicatorCatalogue.Get(o.IndicatorCode);
            var shown = slice is null ? "" : FigureText.Value(slice) + " | " + FigureText.Detail(slice);
            var expected = Expected(indicator, o.Figure);
            if (slice is null || expected.Any(e => !shown.Contains(e, StringComparison.Ordinal)) || slice.IsShownSynthetic)
                problems.Add($"{o.IndicatorCode} {o.OrganisationKind} {o.MunicipalityGroup} at {territory}: expected «{string.Join("», «", expected)}», shown «{shown}»");
            if (!downloads.TryGetValue((o.CampaignId, territory), out var download))
                downloads[(o.CampaignId, territory)] = download = await tables.IndicatorsAsync(territory, o.CampaignId);
            var cells = string.Join(" | ", download.Rows.Single(r => (string)r[1]! == indicator.Name).Skip(2));
            if (expected.Any(e => !cells.Contains(e, StringComparison.Ordinal)))
                problems.Add($"{o.IndicatorCode} {o.OrganisationKind} {o.MunicipalityGroup} at {territory}, download: expected «{string.Join("», «", expected)}», in «{cells}»");
        }

        Assert.Empty(problems);
        Assert.Equal(published, rows.Count);
    }

    /// <summary>What a published figure must show: its printed percentage, its counts, its unit.</summary>
    private static List<string> Expected(Indicator indicator, Figure f) => indicator.Kind switch
    {
        IndicatorKind.Count => [$"{Format.Number(f.Value)} {indicator.Unit}".TrimEnd()],
        IndicatorKind.Level => [$"{Format.Level(indicator, f.LevelCode).ToLowerInvariant()}: {Format.Number(f.Numerator)}",
            .. f.Value is { } p ? [$"({Format.PublishedPercent(p)})"] : Array.Empty<string>()],
        _ => new List<string?>
        {
            f.Value is { } printed ? Format.PublishedPercent(printed) : null,
            f is { Numerator: { } n, Denominator: { } d } ? $"{Format.Number(n)} из {Format.Number(d)}" : null,
            // A count without its total: organisations read against the register, people and programmes in their unit.
            f is { Numerator: { } c, Denominator: null } ? indicator.Kind == IndicatorKind.Fact ? $"{Format.Number(c)} из " : $"{Format.Number(c)} {indicator.PartUnit}" : null,
        }.OfType<string>().ToList(),
    };

    /// <summary>The issue's examples, each a rule: printed value, unit, denominator, total, coverage, deadline.</summary>
    [Theory]
    [InlineData("krasnoyarsk", "город Красноярск", "2023-05-15", TCH_YOUNG, OrganisationKind.School, "80\u00A0%", "701 из 878 (расчёт: 79,8\u00A0%)")]
    [InlineData("krasnoyarsk", "город Красноярск", "2023-05-15", FORM_SS, OrganisationKind.School, "15\u00A0%", "16 из 111 ОО (расчёт: 14,4\u00A0%)")]
    [InlineData("krasnoyarsk", null, "2023-05-15", "TCH_MENTORS", OrganisationKind.School, "734 чел.", "")]
    [InlineData("krasnoyarsk", null, "2022-05-31", TCH_YOUNG, OrganisationKind.School, "165 чел.", "")]
    [InlineData("krasnoyarsk", "город Красноярск", "2023-05-15", "EFFECTIVENESS", OrganisationKind.Supplementary, "75\u00A0% — оптимальный",
        "оптимальный: 12 (75\u00A0%); допустимый: 3 (19\u00A0%); недопустимый: 0 (0\u00A0%); не оценены: 1 из 16")]
    [InlineData("belgorod", null, "2022-06-01", "PRG_IMPLEMENTED", null, "184 ед.", "")]
    [InlineData("belgorod", null, "2022-06-01", "DOC_REGULATION", null, "63\u00A0%", "78 из 123 ОО (расчёт: 63,4\u00A0%)")]
    [InlineData("krasnodar", null, "2022-08-01", "FORM_TT", null, "78,2\u00A0%", "1\u00A0007 из 1\u00A0287 ОО (всего — демо-реестр)")]
    [InlineData("krasnodar", "город-курорт Анапа", "2022-08-01", "FORM_TT", OrganisationKind.School, "75\u00A0%", "24 из 32 ОО")]
    [InlineData("tomsk", null, "2023-06-01", "TP_STU_5_11", null, "51,56\u00A0%", "")]
    [InlineData("krasnoyarsk", "город Красноярск", "2023-05-15", "PRG_DONE", OrganisationKind.School, "83\u00A0%", "519 из 622 (расчёт: 83,4\u00A0%)")]
    [InlineData("krasnoyarsk", "город Красноярск", "2023-05-15", "DOC_PROGRAMME", OrganisationKind.Supplementary, "88\u00A0%", "14 из 16 ОО (расчёт: 87,5\u00A0%)")]
    public async Task APublishedFigure_ReadsAsTheReportPrintsIt(string region, string? municipality, string asOf, string indicator,
        OrganisationKind? kind, string value, string detail)
    {
        var slice = await SliceAsync(region, municipality, asOf, indicator, kind);

        Assert.Equal((value, detail), (FigureText.Value(slice), FigureText.Detail(slice)));
        Assert.False(slice.IsShownSynthetic);
    }

    [Fact]
    public async Task APrintedPercentBeyondHalfAUnit_AndATotalThatDisagreesWithItsParts_AreFlaggedWhereverTheyAppear()
    {
        var students = await SliceAsync("krasnoyarsk", "город Красноярск", "2023-05-15", FORM_SS, OrganisationKind.School);
        Assert.Equal("Процент не соответствует числам: Опубликовано 15\u00A0%, а 16 из 111 — это 14,4\u00A0%", QualityText.Warning(students));

        // Stary Oskol's 184 programmes against the 188 its table adds up to: on the okrug's page and the region's.
        var okrug = await SliceAsync("belgorod", "Старооскольский городской округ", "2022-06-01", "PRG_IMPLEMENTED", null);
        var region = await SliceAsync("belgorod", null, "2022-06-01", "PRG_IMPLEMENTED", null);
        Assert.Equal("Опубликовано 184 ед., по данным нижестоящего уровня 188 ед.", QualityText.Warning(okrug));
        Assert.Equal("По опубликованным данным муниципалитетов 184 ед., по организациям 188 ед.", QualityText.Warning(region));
    }

    [Fact]
    public async Task ARegionWhoseReportCoversOneCity_SaysSo_AndATargetKeepsItsDate()
    {
        var regions = await database.Queries.GetRegionsAsync();
        Assert.Equal("данные: город Красноярск", regions.Single(r => r.Code == "krasnoyarsk").Coverage);
        Assert.Equal("данные: Старооскольский городской округ", regions.Single(r => r.Code == "belgorod").Coverage);
        Assert.Equal("", regions.Single(r => r.Code == "krasnodar").Coverage);

        var plans = await new PlanProgress(database.ScopedAs(TestUsers.For(Roles.Administrator)), database.Queries).GetAsync(await database.RegionIdAsync("tomsk"));
        Assert.Equal("к 1 января 2024 г.", ProgressText.TargetDate(plans.Single(p => p.Indicator.Code == FormTeacherStudent)));
        Assert.Equal("на 2024 год", ProgressText.TargetDate(plans.Single(p => p.Indicator.Code == ProgrammeStudents511)));
    }

    private const string TCH_YOUNG = YoungTeachersMentees;
    private const string FORM_SS = FormStudentStudent;

    private async Task<SliceFigure> SliceAsync(string region, string? municipality, string asOf, string indicator, OrganisationKind? kind)
    {
        var regionId = await database.RegionIdAsync(region);
        var campaign = (await database.Queries.GetCampaignsAsync(regionId)).Single(c => c.AsOf == DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));
        var territory = municipality is null ? TerritoryRef.Region(regionId) : TerritoryRef.Municipality(await database.MunicipalityIdAsync(municipality));
        return (await database.Queries.GetFiguresAsync(campaign.Id, territory))
            .Single(f => f.Indicator.Code == indicator).Slices.Single(s => s.Kind == kind && s.Group is null);
    }
}

[Collection(SqliteDatabaseCollection.Name)]
public sealed class PublishedFiguresOnSqlite(SqliteSeededDatabase database) : PublishedFiguresTests(database);

[Collection(PostgreSqlDatabaseCollection.Name)]
public sealed class PublishedFiguresOnPostgreSql(PostgreSqlSeededDatabase database) : PublishedFiguresTests(database);
