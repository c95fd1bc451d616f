using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Export;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Tests.Intake;

/// <summary>Campaigns, files and database fingerprints for the intake tests.</summary>
public static class IntakeTestData
{
    public static readonly ClaimsPrincipal Admin = TestUsers.For(Roles.Administrator);
    public const string City = "город Красноярск";
    private static int nextDay;

    /// <summary>A new collecting campaign of Krasnoyarsk region (each test its own, so tests do not meet).</summary>
    public static async Task<(int Campaign, int Region, int Municipality)> CollectingCampaignAsync(SeededDatabase database)
    {
        var region = await database.RegionIdAsync("krasnoyarsk");
        var campaigns = database.CampaignsAs(Admin);
        var asOf = new DateOnly(2025, 1, 1).AddDays(Interlocked.Increment(ref nextDay));
        var (id, problems) = await campaigns.OpenAsync(new OpenCampaignRequest(region, "Мониторинг ЦМН (тест)", asOf,
            IndicatorCatalogue.All.Where(i => i.ReportedByOrganisations).Select(i => i.Code).ToList()));
        Assert.Empty(problems);
        Assert.Null(await campaigns.StartCollectingAsync(id!.Value));
        return (id.Value, region, await database.MunicipalityIdAsync(City));
    }

    /// <summary>Every collected indicator filled in with a valid figure.</summary>
    public static Dictionary<string, Figure> Complete(IEnumerable<Indicator> indicators) => indicators.ToDictionary(i => i.Code, i => i.Kind switch
    {
        IndicatorKind.Share => Figure.Share(1, 10),
        IndicatorKind.Count => Figure.Count(2),
        IndicatorKind.Fact => Figure.Fact(true),
        _ => Figure.Level(1),
    });

    /// <summary>Changes whenever any figure, submission or audit entry is written.</summary>
    public static async Task<string> FingerprintAsync(SeededDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return $"{await db.Observations.CountAsync()}/{await db.Observations.MaxAsync(o => o.Id)}/"
            + $"{await db.Submissions.CountAsync()}/{await db.Submissions.SumAsync(s => s.Version)}";
    }

    public static byte[] Csv(string text, Encoding? encoding = null) => (encoding ?? new UTF8Encoding(true)).GetPreamble()
        .Concat((encoding ?? Encoding.UTF8).GetBytes(text.ReplaceLineEndings("\r\n"))).ToArray();

    public static byte[] Xlsx(params ExportTable[] sheets) => XlsxTableWriter.Write(sheets);

    /// <summary>A workbook whose second row has a formula in the third column.</summary>
    public static byte[] XlsxWithFormula()
    {
        var bytes = Xlsx(new ExportTable(IntakeColumns.FormsSheet, [IntakeColumns.Name, "Положение"], [["СШ № 50", 1]]));
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
            var row = sheet.Descendants<Row>().ElementAt(1);
            row.Elements<Cell>().ElementAt(1).CellFormula = new CellFormula("1+0");
            sheet.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A small .xlsx-looking archive that unpacks to 64 MB of zeros.</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
                entry.Write(zeros);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A valid one-row workbook with one part's XML rewritten by hand, as a careless or hostile tool would write it
    /// (a row number «abc», a cell type «xyz», a relationship that points nowhere).
    /// </summary>
    public static byte[] XlsxWithPart(string partPrefix, Func<string, string> rewrite)
    {
        var bytes = Xlsx(new ExportTable(IntakeColumns.FormsSheet, [IntakeColumns.Name, "Положение"], [["СШ № 50", 1]]));
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith(partPrefix, StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            var partName = entry.FullName;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
                xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(partName).Open());
            writer.Write(rewrite(xml));
        }
        return stream.ToArray();
    }

    /// <summary>The sheet's data rows replaced by <paramref name="rows"/> (raw &lt;row&gt; XML).</summary>
    /// <summary>The same database with a one-second wait for locks instead of SQLite's 30 s (PostgreSQL: its command timeout).</summary>
    public static Microsoft.EntityFrameworkCore.IDbContextFactory<Mentoring.Dashboard.Data.MentoringDbContext> ImpatientFactory(SeededDatabase database) =>
        Mentoring.Dashboard.Data.MentoringDatabase.EveryRegion(Mentoring.Dashboard.Data.MentoringDatabase.Factory(database.Settings with
        {
            ConnectionString = database.Settings.Provider == Mentoring.Dashboard.Data.DatabaseProvider.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.Settings.ConnectionString) { DefaultTimeout = 1 }.ConnectionString
                : new Npgsql.NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { CommandTimeout = 1 }.ConnectionString,
        }));

    /// <summary>Another session's open write, as a long import or a stuck connection holds it: reads go on, writes wait.</summary>
    public static async Task<IAsyncDisposable> HoldWriteLockAsync(SeededDatabase database)
    {
        // Its own connection, outside the pool: it must not come back to the app still inside its transaction.
        System.Data.Common.DbConnection connection = database.Settings.Provider == Mentoring.Dashboard.Data.DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.Settings.ConnectionString) { Pooling = false }.ConnectionString)
            : new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, database.Settings.Provider == Mentoring.Dashboard.Data.DatabaseProvider.Sqlite
            ? "BEGIN IMMEDIATE;"
            : """BEGIN; LOCK TABLE "Submissions", "Observations", "AuditEntries", "PlanValues" IN EXCLUSIVE MODE;""");
        return new Lock(connection);
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Lock(System.Data.Common.DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync(connection, "ROLLBACK;");
            await connection.DisposeAsync();
        }
    }

    /// <summary>A workbook whose one sheet refers to a shared-string table of <paramref name="count"/> distinct texts.</summary>
    public static byte[] XlsxWithSharedStrings(int count)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(Enumerable.Range(0, count).Select(i => new SharedStringItem(new Text($"Организация {i}"))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") }) { RowIndex = 1 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = IntakeColumns.FormsSheet }));
        }
        return stream.ToArray();
    }

    public static byte[] XlsxWithRows(string rows) =>
        XlsxWithPart("xl/worksheets/", xml =>
        {
            // The writer may prefix the spreadsheet namespace («x:»); the rows written here follow it.
            var prefix = xml.Contains("<x:sheetData", StringComparison.Ordinal) ? "x:" : "";
            var prefixed = prefix.Length == 0 ? rows : System.Text.RegularExpressions.Regex.Replace(rows, "<(/?)(row|c|v)\\b", "<$1x:$2");
            return System.Text.RegularExpressions.Regex.Replace(xml, $"<{prefix}sheetData>.*</{prefix}sheetData>",
                $"<{prefix}sheetData>{prefixed}</{prefix}sheetData>", System.Text.RegularExpressions.RegexOptions.Singleline);
        });

    /// <summary>What a password-protected workbook starts with (an OLE compound file).</summary>
    public static byte[] Encrypted() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]];
}
