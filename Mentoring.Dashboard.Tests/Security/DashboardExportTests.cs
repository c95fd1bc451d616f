using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>
/// Every dashboard table downloads as .xlsx and .csv with the figures and headers of the page, and only within the
/// user's scope. Checked over HTTP against the running app, the way a browser's download link fetches them.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public class DashboardExportTests(DashboardApp app)
{
    [Fact]
    public async Task MunicipalityComparison_Csv_HasEveryRowOfTheRegionPage_WithItsFigures()
    {
        using var client = await app.SignedInClientAsync("minobr@demo.local");
        var region = await app.RegionIdAsync("krasnodar");
        var campaign = await app.LatestCampaignAsync(region);

        var page = await DashboardApp.PageTextAsync(client, $"/regions/{region}?campaign={campaign}");
        var rows = await CsvAsync(client, $"/export/municipalities?region={region}&campaign={campaign}");

        Assert.Equal(new[] { "Муниципалитет", "Тип", "ОО в системе" }, rows[0][..3]);
        var municipalities = await app.ScalarAsync("SELECT COUNT(*) FROM Municipalities WHERE RegionId = $r", ("$r", region));
        Assert.Equal(municipalities, rows.Count - 1);
        Assert.Contains($">{rows[0][3]}<", page); // the value column's title ("Значение" or "Значение (ОУ)")
        foreach (var row in rows.Skip(1))
        {
            Assert.Contains($">{row[0]}</a>", page);
            Assert.Contains(OriginMarks.Unmarked(row[3]), page); // the value as the page shows it ("79,8 %" or "нет данных"), before its badge
        }
        // Ranked as the table is sorted on screen: by the value, highest first.
        var values = rows.Skip(1).Select(r => r[4]).Where(v => v is { Length: > 0 }).Select(v => decimal.Parse(v, Services.Format.Russian)).ToList();
        // Every municipality has a value of the default indicator, ranked by share, not by count: город Армавир's
        // 30 schools of 33 in the register come first (by name among those at 90,9 %), not город Краснодар's 76.
        Assert.Equal(44, values.Count);
        Assert.Equal("город Армавир", rows[1][0]);
        Assert.Equal(90.9m, values[0]);
        Assert.Equal(values.OrderByDescending(v => v), values);
    }

    [Fact]
    public async Task RegionIndicators_XlsxAndCsv_CarryTheSameFiguresAsTheIndicatorTable()
    {
        using var client = await app.SignedInClientAsync("admin@demo.local");
        var region = await app.RegionIdAsync("krasnoyarsk");
        var campaign = await app.LatestCampaignAsync(region);
        var url = $"/export/indicators?region={region}&campaign={campaign}";

        var page = await DashboardApp.PageTextAsync(client, $"/regions/{region}?campaign={campaign}");
        var csv = await CsvAsync(client, url);
        var xlsx = await XlsxAsync(client, url);

        Assert.Equal(csv.Count, xlsx.Count);
        Assert.Equal(csv[0], xlsx[0]);
        Assert.Equal("Показатель", csv[0][1]);
        Assert.Contains("все ОО: значение", csv[0]);
        var shares = 0;
        foreach (var (row, sheetRow) in csv.Skip(1).Zip(xlsx.Skip(1)))
        {
            Assert.Equal(row, sheetRow);
            Assert.Contains(row[1], page);
            foreach (var value in row.Skip(2).Where((_, i) => i % 2 == 0 && row.Length - 3 > i).Where(v => v is { Length: > 1 }).Select(OriginMarks.Unmarked))
            {
                Assert.Contains(value, page);
                shares += value.EndsWith("\u00A0%", StringComparison.Ordinal) ? 1 : 0;
            }
        }
        Assert.Equal(56, shares); // every percentage the Krasnoyarsk indicator table shows
        // The young teachers' share as the report prints it, and what its counts give beside it.
        Assert.Contains(csv, r => r.Contains("80\u00A0%") && r.Contains("701 из 878 (расчёт: 79,8\u00A0%)"));
    }

    [Fact]
    public async Task ComparisonXlsx_KeepsTheValueANumber_ForExcelToSortAndSum()
    {
        using var client = await app.SignedInClientAsync("minobr@demo.local");
        var region = await app.RegionIdAsync("krasnodar");

        var response = await client.GetAsync($"/export/municipalities?region={region}&campaign={await app.LatestCampaignAsync(region)}&format=xlsx");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var firstRow = sheet.Descendants<Row>().Skip(1).First().Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, firstRow[2].DataType?.Value ?? CellValues.Number); // ОО в системе
        Assert.Equal(CellValues.Number, firstRow[4].DataType?.Value ?? CellValues.Number); // Значение числом
        Assert.Equal(90.9m, decimal.Parse(firstRow[4].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)); // город Армавир, 30 из 33 ОО
    }

    [Fact]
    public async Task Organisations_MunicipalHead_GetsTheirSchools_AndOnlyAggregatesOfTheirNeighbours()
    {
        using var client = await app.SignedInClientAsync("anapa@demo.local");
        var anapa = await app.ScalarAsync("SELECT Id FROM Municipalities WHERE Name LIKE '%Анапа%' LIMIT 1");
        var armavir = await app.MunicipalityIdAsync("город Армавир");
        var campaign = await app.LatestCampaignAsync(await app.RegionIdAsync("krasnodar"));

        var own = await CsvAsync(client, $"/export/organisations?municipality={anapa}&campaign={campaign}");
        var neighbourSchools = await client.GetAsync($"/export/organisations?municipality={armavir}&campaign={campaign}&format=csv");
        var neighbourTotals = await client.GetAsync($"/export/indicators?municipality={armavir}&campaign={campaign}&format=csv");

        Assert.Equal(new[] { "Организация", "Тип" }, own[0][..2]);
        Assert.Equal(await app.ScalarAsync("SELECT COUNT(*) FROM Organisations WHERE MunicipalityId = $m", ("$m", anapa)), own.Count - 1);
        // Anapa's schools are named in the report, but its ✓/✗ are generated (the report's one filled row is a sample):
        // every such cell says «демо», and no row is labelled demo as a whole.
        var named = own.Skip(1).Where(r => !r[0].EndsWith("(демо)", StringComparison.Ordinal)).ToList();
        Assert.Equal(32, named.Count);
        Assert.All(named, r => Assert.All(r[2..^1], c => Assert.Matches("^(да|нет) \\(демо\\)$", c)));
        Assert.All(named, r => Assert.Equal("", r[^1]));
        // A generated organisation says so once, in its note; a value it lacks is «нет данных», not a demo value.
        Assert.All(own.Skip(1).Except(named), r => Assert.Equal("организация сгенерирована для демонстрации: все её значения — демо", r[^1]));
        Assert.DoesNotContain(own.SelectMany(r => r), c => c == "нет данных (демо)");
        Assert.Equal(HttpStatusCode.Forbidden, neighbourSchools.StatusCode);
        Assert.DoesNotContain("Школа", await neighbourSchools.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, neighbourTotals.StatusCode);
        // Aggregates only: no organisation of the neighbour is named (their values are marked «демо» where generated).
        var totals = await neighbourTotals.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Школа №", totals);
        Assert.Contains("91,7\u00A0% (демо)", totals);
    }

    [Fact]
    public async Task AnalysisTables_ExportTheFiguresTheirPagesShow()
    {
        using var client = await app.SignedInClientAsync("admin@demo.local");
        var kuzbass = await app.RegionIdAsync("kuzbass");
        var krasnoyarsk = await app.RegionIdAsync("krasnoyarsk");

        var dynamics = await CsvAsync(client, $"/export/dynamics?region={kuzbass}&current={await app.LatestCampaignAsync(kuzbass)}");
        var quality = await CsvAsync(client, $"/export/quality?region={krasnoyarsk}");
        var plan = await CsvAsync(client, $"/export/plan?region={await app.RegionIdAsync("tomsk")}");

        Assert.Contains(dynamics, r => r[2] == "9,1\u00A0%" && r[3] == "6,2\u00A0%" && r[4] == "\u22122,9\u00A0п.п.");
        Assert.Contains(quality, r => r[5] == "По уровням учтено 105 (3 + 72 + 30), а организаций 111");
        Assert.Equal("Движение к цели", plan[0][8]);
        Assert.Equal(8, plan.Count); // the header and the seven planned indicators the Tomsk page charts
        Assert.Contains(plan, r => r[1] == "51,56\u00A0%" && r[4] == "выполнен" && r[5] == "103,1\u00A0%"
                                   && r[8] == "Прогресс есть, нужно ускорение" && r[10] == "8,2\u00A0п.п.");
        Assert.Contains(plan, r => r[1] == "38,44\u00A0%" && r[3] == "50\u00A0%" && r[4] == "не выполнен");
    }

    [Fact]
    public async Task CollectionProgress_ListsEveryMunicipality_AndACuratorGetsNoProgressTable()
    {
        using var official = await app.SignedInClientAsync("admin@demo.local");
        using var curator = await app.SignedInClientAsync("curator@demo.local");
        var region = await app.RegionIdAsync("krasnoyarsk");
        var campaign = await app.LatestCampaignAsync(region);

        var rows = await CsvAsync(official, $"/export/collection?campaign={campaign}");
        var denied = await curator.GetAsync($"/export/collection?campaign={campaign}&format=csv");

        Assert.Equal(new[] { "Муниципалитет", "Организаций", "Сдали", "Заполняют", "Не приступили", "Готовность, %" }, rows[0]);
        Assert.Equal(await app.ScalarAsync("SELECT COUNT(*) FROM Municipalities WHERE RegionId = $r", ("$r", region)), rows.Count - 1);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    // account, export (with territory placeholders), what must not appear in the answer.
    public static TheoryData<string, string, string> OutOfScope() => new()
    {
        { "minobr@demo.local", "/export/indicators?region={krasnoyarsk}&campaign={krasnoyarsk-campaign}", "Красноярск|79,8" },
        { "minobr@demo.local", "/export/municipalities?region={krasnoyarsk}&campaign={krasnoyarsk-campaign}", "Красноярск|Норильск" },
        { "minobr@demo.local", "/export/organisations?municipality={krasnoyarsk-city}&campaign={krasnoyarsk-campaign}", "СШ № 50|Гимназия" },
        { "minobr@demo.local", "/export/indicators?organisation={school-50}&campaign={krasnoyarsk-campaign}", "СШ № 50" },
        { "minobr@demo.local", "/export/plan?region={krasnoyarsk}", "Красноярск|План" },
        { "minobr@demo.local", "/export/dynamics?region={krasnoyarsk}&current={krasnoyarsk-campaign}", "Красноярск|п.п." },
        { "minobr@demo.local", "/export/quality?region={krasnoyarsk}", "Красноярск|105" },
        { "minobr@demo.local", "/export/collection?campaign={krasnoyarsk-campaign}", "Красноярск|Норильск" },
        { "minobr@demo.local", "/export/submissions?campaign={krasnoyarsk-campaign}&municipality={krasnoyarsk-city}", "СШ № 50" },
        { "curator@demo.local", "/export/indicators?organisation={school-32}&campaign={krasnoyarsk-campaign}", "СШ № 32" },
        { "curator@demo.local", "/export/organisations?municipality={krasnoyarsk-city}&campaign={krasnoyarsk-campaign}", "СШ № 32|Гимназия № 10" },
        { "curator@demo.local", "/export/municipalities?region={krasnoyarsk}&campaign={krasnoyarsk-campaign}", "Норильск|Ачинск" },
        { "curator@demo.local", "/export/submissions?campaign={krasnoyarsk-campaign}&municipality={krasnoyarsk-city}", "СШ № 32|Гимназия № 10" },
        { "presenter@demo.local", "/export/indicators?organisation={school-50}&campaign={krasnoyarsk-campaign}", "СШ № 50" },
        // Decks as .pptx, generated for a territory outside the user's (the format parameter means nothing to them).
        { "minobr@demo.local", "/export/deck?region={krasnoyarsk}", "Красноярск|79,8" },
        { "minobr@demo.local", "/export/deck?municipality={krasnoyarsk-city}", "Красноярск|СШ № 50" },
        { "curator@demo.local", "/export/deck?region={krasnodar}", "Краснодар|Анапа" },
        { "presenter@demo.local", "/export/deck?region={krasnoyarsk}&campaign={krasnoyarsk-campaign}", "Красноярск" },
        // A campaign of another region with a territory the user may see: the campaign check refuses it.
        { "minobr@demo.local", "/export/indicators?region={krasnodar}&campaign={krasnoyarsk-campaign}", "Краснодар|Анапа" },
    };

    [Theory]
    [MemberData(nameof(OutOfScope))]
    public async Task ExportOutsideTheScope_IsRefused_AndLeaksNothing(string account, string template, string secrets)
    {
        using var client = await app.SignedInClientAsync(account);
        var url = await app.UrlAsync(template);

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var response = await client.GetAsync($"{url}&format={format}");

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal("Нет доступа.", body);
            foreach (var secret in secrets.Split('|'))
                Assert.DoesNotContain(secret, body);
        }
    }

    [Fact]
    public async Task Export_WithoutSignIn_GoesToTheLoginPage()
    {
        using var client = app.NewClient();
        var region = await app.RegionIdAsync("krasnodar");

        var response = await client.GetAsync($"/export/plan?region={region}&format=csv");

        Assert.Equal("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("Анапа", await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<string[]>> CsvAsync(HttpClient client, string url) => await ReadAsync(client, url, "csv");

    private static async Task<List<string[]>> XlsxAsync(HttpClient client, string url) => await ReadAsync(client, url, "xlsx");

    /// <summary>The downloaded file read back the way the importer reads a user's file.</summary>
    private static async Task<List<string[]>> ReadAsync(HttpClient client, string url, string format)
    {
        var response = await client.GetAsync($"{url}&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith($".{format}", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var (sheets, refusal) = SpreadsheetReader.Read(await response.Content.ReadAsByteArrayAsync(), $"table.{format}");
        Assert.Null(refusal);
        return sheets[0].Rows.Select(r => r.Select(c => c ?? "").ToArray()).ToList();
    }
}
