using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Data.DemoData;
using Mentoring.Dashboard.Services.Export;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Bench;

public sealed record ImportResult(string Format, int Rows, int Columns, long FileBytes, int ValuesWritten, Timing Preview, Timing Commit);

/// <summary>
/// Importing a filled-in 10 000-row intake spreadsheet: a municipality of 10 000 organisations is added to the
/// region dataset, a campaign collecting every organisation-level indicator is opened, and its own template (the
/// product's export) is filled in with valid figures. Measured through <see cref="SpreadsheetImport"/> exactly as the
/// import page calls it: the preview (read, check every cell, compare with the database) and the commit (the same,
/// then every value, submission and audit entry written in one transaction), each commit on a fresh copy.
/// </summary>
public static class ImportBenchmark
{
    public const int Organisations = 10_000;

    public static async Task<IReadOnlyList<ImportResult>> RunAsync(DatabaseSettings regionDatabase, int iterations, bool csvOnly = false)
    {
        var prepared = await BenchDatabase.CopyAsync(regionDatabase);
        var (campaignId, municipalityId) = await PrepareAsync(prepared);
        var results = new List<ImportResult>();
        try
        {
            foreach (var format in csvOnly ? ["csv"] : new[] { "xlsx", "csv" })
            {
                var (file, columns) = await FilledFileAsync(new BenchServices(prepared), campaignId, municipalityId, format);
                var fileName = $"import.{format}";
                var preview = await Harness.MeasureAsync("preview", async () =>
                {
                    var outcome = await new BenchServices(prepared).Import.PreviewAsync(campaignId, municipalityId, file, fileName);
                    if (!outcome.CanCommit)
                        throw new InvalidOperationException("The generated file has problems: " + (outcome.Refusal ?? outcome.Problems[0].Text));
                }, iterations, warmup: 1);
                var written = 0;
                var commits = new List<double>();
                for (var i = 0; i < iterations; i++)
                {
                    var copy = await BenchDatabase.CopyAsync(prepared);
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var outcome = await new BenchServices(copy).Import.CommitAsync(campaignId, municipalityId, file, fileName);
                    commits.Add(watch.Elapsed.TotalMilliseconds);
                    written = outcome.Changes.Count;
                    await BenchDatabase.DeleteAsync(copy);
                }
                results.Add(new ImportResult(format, Organisations, columns, file.Length, written, preview, new Timing("commit", commits)));
            }
        }
        finally
        {
            await BenchDatabase.DeleteAsync(prepared);
        }
        return results;
    }

    /// <summary>A municipality of 10 000 organisations in the largest generated region, and a campaign collecting from them.</summary>
    private static async Task<(int Campaign, int Municipality)> PrepareAsync(DatabaseSettings database)
    {
        var services = new BenchServices(database);
        int regionId, municipalityId;
        await using (var db = await services.Factory.CreateDbContextAsync())
        {
            var region = await db.Regions.Where(r => r.Code.StartsWith("bench-")).OrderByDescending(r => r.Id).FirstAsync();
            regionId = region.Id;
            var builder = new DemoDataBuilder(db);
            var municipality = builder.Municipality(region, "Муниципалитет импорта (10 000 ОО)", MunicipalityKind.CityOkrug);
            var kinds = new[] { OrganisationKind.School, OrganisationKind.Preschool, OrganisationKind.Supplementary };
            for (var i = 0; i < Organisations; i++)
                builder.Organisation(municipality, $"МБОУ «Школа № {i + 1}»", kinds[i % kinds.Length], isSynthetic: true);
            await builder.SaveAsync();
            municipalityId = municipality.Id;
        }
        var indicators = IndicatorCatalogue.All.Where(i => i.ReportedByOrganisations).Select(i => i.Code).ToList();
        var campaignId = await services.CollectingCampaignAsync(regionId, indicators, "Мониторинг для импорта");
        return (campaignId, municipalityId);
    }

    /// <summary>The campaign's template for the municipality, every cell filled with a valid value.</summary>
    private static async Task<(byte[] File, int Columns)> FilledFileAsync(BenchServices services, int campaignId, int municipalityId, string format)
    {
        var csv = format == "csv";
        var (sheets, _) = await services.Workbook.BuildAsync(campaignId, municipalityId, oneSheet: csv);
        var random = new Random(2024);
        await using var db = await services.Factory.CreateDbContextAsync();
        var indicators = (await db.Campaigns.SingleAsync(c => c.Id == campaignId)).CollectedIndicators;
        var columns = IntakeColumns.AllColumns(indicators).ToDictionary(c => c.Header);
        var filled = sheets.Select(sheet => sheet with
        {
            Rows = sheet.Rows.Select(row => (IReadOnlyList<object?>)row.Select((cell, i) =>
                columns[sheet.Headers[i]] is { Indicator: { } indicator } column ? Value(indicator, column.Part, random) : cell).ToList()).ToList(),
        }).ToList();
        var bytes = csv ? CsvTableWriter.Write(filled[0]) : XlsxTableWriter.Write(filled);
        return (bytes, filled.Sum(s => s.Headers.Count));
    }

    // A share's whole is 40 and its part at most 40, so every row passes the part-not-above-whole check.
    private static object Value(Indicator indicator, Mentoring.Domain.Intake.FigurePart part, Random random) => indicator.Kind switch
    {
        IndicatorKind.Fact => random.Next(2),
        IndicatorKind.Level => indicator.Levels![random.Next(indicator.Levels.Count)].Name,
        IndicatorKind.Share when part == Mentoring.Domain.Intake.FigurePart.Whole => 40,
        _ => random.Next(0, 41),
    };
}
