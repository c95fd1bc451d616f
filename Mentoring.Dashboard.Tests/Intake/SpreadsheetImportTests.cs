using System.Text;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Export;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;
using static Mentoring.Dashboard.Tests.Intake.IntakeTestData;

namespace Mentoring.Dashboard.Tests.Intake;

/// <summary>The importer over good and malformed files: the messages a user reads, and a database untouched by any error.</summary>
public abstract class SpreadsheetImportTests(SeededDatabase database)
{
    private const string Forms = $"{IntakeColumns.Name};«Ученик-ученик»;«Учитель-учитель»;Положение";

    [Fact]
    public async Task AFilledCsv_PreviewsItsChanges_WritesNothingUntilCommitted_ThenUpdatesTheMunicipalityFigure()
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        var import = database.ImportAs(Admin);
        var file = Csv($"""
            {Forms}
            СШ № 50;1;1;1
            СШ № 32;0;1;1
            Гимназия № 10;1;0;0
            """);
        var before = await FingerprintAsync(database);

        var preview = await import.PreviewAsync(campaign, city, file, "красноярск.csv");

        Assert.True(preview.CanCommit, string.Join("\n", preview.Problems.Select(p => p.Text)));
        Assert.Equal(3, preview.Organisations);
        Assert.Equal(9, preview.Changes.Count);
        Assert.Equal(before, await FingerprintAsync(database));

        database.Feed.Published.Clear();
        var committed = await import.CommitAsync(campaign, city, file, "красноярск.csv");

        Assert.Equal(9, committed.Changes.Count);
        var studentStudent = (await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Municipality(city)))
            .Single(f => f.Indicator.Code == IndicatorCatalogue.FormStudentStudent).Total!.Shown!.Value;
        Assert.Equal((2m, 3m), (studentStudent.Numerator!.Value, studentStudent.Denominator!.Value)); // 2 of 3 schools
        Assert.Equal(city, Assert.Single(database.Feed.Published).MunicipalityIds.Single());
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(3, await db.Submissions.CountAsync(s => s.CampaignId == campaign && s.State == SubmissionState.Submitted));
    }

    [Fact]
    public async Task AReportSubmittedAfterThePreview_StopsTheCommit_NamingTheSchoolAndWhoSentIt_AndItsFiguresStay()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var file = Csv($"""
            {IntakeColumns.Name};Педагоги-наставники, чел.
            СШ № 50;12
            Гимназия № 10;3
            """);
        var import = database.ImportAs(Admin);
        var preview = await import.PreviewAsync(campaign, city, file, "наставники.csv");
        Assert.Equal(2, preview.Changes.Count);

        // Meanwhile the school's curator sends the school's own figures.
        var curatorUser = TestUsers.For(Roles.Curator, region, city, school);
        var curator = database.ReportsAs(curatorUser);
        var form = await curator.GetAsync(campaign, school);
        var values = Complete(form.Indicators);
        values[IndicatorCatalogue.TeacherMentors] = Figure.Count(7);
        Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, values, form.Version));
        var before = await FingerprintAsync(database);

        var committed = await import.CommitAsync(campaign, city, file, "наставники.csv", preview.ReportVersions);

        Assert.Equal($"После проверки файла изменились данные организаций: «СШ № 50» ({curatorUser.Identity!.Name}). Ничего не записано: "
                     + "загрузите файл ещё раз, чтобы увидеть изменения относительно новых данных.", committed.Refusal);
        Assert.Equal(before, await FingerprintAsync(database));
        // Loaded again, the file shows the change against the curator's figure, and then commits.
        var again = await import.PreviewAsync(campaign, city, file, "наставники.csv");
        var mentors = again.Changes.Single(c => c.OrganisationId == school);
        Assert.Equal((7m, 12m), (mentors.Before!.Value.Value!.Value, mentors.After!.Value.Value!.Value));
        Assert.Null((await import.CommitAsync(campaign, city, file, "наставники.csv", again.ReportVersions)).Refusal);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task AFileWhoseReadingOutlastsItsBudget_IsRefusedInRussian_AndItsSlotIsFreeAgain(string format)
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        // Rows of 50 cells: far more than a millisecond of reading (the budget rounds to «0 с» in the message).
        var row = string.Join(";", Enumerable.Repeat("1", 50));
        var file = format == "csv"
            ? Csv(string.Join("\n", Enumerable.Repeat(row, 19_000)))
            : XlsxWithRows(string.Concat(Enumerable.Repeat("<row>" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 50)) + "</row>", 5_000)));
        var slots = new ImportSlots { ReadingBudget = TimeSpan.FromMilliseconds(1) };
        var before = await FingerprintAsync(database);

        var preview = await database.ImportAs(Admin, slots: slots).CommitAsync(campaign, city, file, "таблица." + format);

        Assert.Equal("Файл отклонён: его проверка заняла больше 0 с — это не таблица одного муниципалитета.", preview.Refusal);
        Assert.Equal(before, await FingerprintAsync(database));
        Assert.Null(slots.TryEnter(Admin.Identity!.Name!).Refusal); // the same user may import again
    }

    [Fact]
    public async Task AnImportWhosePageWentAway_StopsReading_WritesNothing_AndFreesItsSlot()
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        var (sheets, _) = await database.WorkbookAs(Admin).BuildAsync(campaign, city, oneSheet: false);
        var slots = new ImportSlots();
        var before = await FingerprintAsync(database);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.ImportAs(Admin, slots: slots)
            .CommitAsync(campaign, city, XlsxTableWriter.Write(sheets), "таблица.xlsx", ct: new CancellationToken(canceled: true)));

        Assert.Equal(before, await FingerprintAsync(database));
        Assert.Null(slots.TryEnter(Admin.Identity!.Name!).Refusal); // the same user may import again
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task AnExportedTable_ImportedBackUnchanged_ChangesNothing(string format)
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        var import = database.ImportAs(Admin);
        await import.CommitAsync(campaign, city, Csv($"""
            {IntakeColumns.Name};«Ученик-ученик»;Педагоги-наставники, чел.;Молодые педагоги в программах: молодых педагогов (стаж 0–3 года);Молодые педагоги в программах: из них в программах наставничества;Эффективность (оптимальный / допустимый / недопустимый)
            СШ № 50;1;12;5;4;Допустимый
            Гимназия № 10;0;3;2;0;Оптимальный
            """), "first.csv");
        var (sheets, _) = await database.WorkbookAs(Admin).BuildAsync(campaign, city, oneSheet: format == "csv");
        var exported = format == "csv" ? CsvTableWriter.Write(sheets[0]) : XlsxTableWriter.Write(sheets);
        var before = await FingerprintAsync(database);

        var preview = await import.CommitAsync(campaign, city, exported, "export." + format);

        Assert.True(preview.CanCommit, string.Join("\n", preview.Problems.Select(p => p.Text)));
        Assert.Equal(127, preview.Organisations); // every organisation of the city is a row of the export
        Assert.Empty(preview.Changes);
        Assert.Equal(before, await FingerprintAsync(database));
    }

    public static TheoryData<string, string, string> MalformedFiles => new()
    {
        { "wrong header", "Код ОО;Организация;Ученики\n1;СШ № 50;1", "Строка 1, столбец B: неизвестный заголовок «Организация»" },
        { "no organisation column", "«Ученик-ученик»\n1", "нет столбца «Код ОО» или «Образовательная организация»" },
        { "text in a yes/no cell", $"{Forms}\nСШ № 50;да;1;1", "Строка 2, столбец «Ученик-ученик»: ожидается 0 или 1, получено «да»" },
        { "text in a number cell", $"{IntakeColumns.Name};Педагоги-наставники, чел.\nСШ № 50;много", "Строка 2, столбец «Педагоги-наставники, чел.»: ожидается целое число от 0 до 1 000 000, получено «много»" },
        { "a fraction of a person", $"{IntakeColumns.Name};Педагоги-наставники, чел.\nСШ № 50;2,5", "ожидается целое число" },
        { "unknown level", $"{IntakeColumns.Name};Эффективность (оптимальный / допустимый / недопустимый)\nСШ № 50;хороший", "ожидается одно из значений: «Оптимальный», «Допустимый», «Недопустимый»" },
        { "duplicate organisation", $"{Forms}\nСШ № 50;1;1;1\nСШ № 32;1;1;1\nсш №50;0;0;0", "Строка 4, столбец «Образовательная организация»: организация «СШ № 50» уже есть в строке 2" },
        { "unknown organisation", $"{Forms}\nСШ № 50;1;1;1\nШкола № 999;1;1;1", "Строка 3, столбец «Образовательная организация»: организация «Школа № 999» не найдена в муниципалитете" },
        { "unknown code", $"{IntakeColumns.Code};{Forms}\n999999;СШ № 50;1;1;1", "Строка 2, столбец «Код ОО»: организация с кодом «999999» не найдена в муниципалитете" },
        { "part above its whole", $"{IntakeColumns.Name};Молодые педагоги в программах: молодых педагогов (стаж 0–3 года);Молодые педагоги в программах: из них в программах наставничества\nСШ № 50;3;5", "Строка 2, столбец «Молодые педагоги в программах: из них в программах наставничества»: не может быть больше, чем «Молодых педагогов (стаж 0–3 года)» (3)" },
        { "half a share", $"{IntakeColumns.Name};Молодые педагоги в программах: молодых педагогов (стаж 0–3 года)\nСШ № 50;3", "заполните оба числа" },
        { "duplicate column", $"{IntakeColumns.Name};«Ученик-ученик»;ученик-ученик\nСШ № 50;1;1", "столбец «Ученик-ученик» повторяется (уже есть в столбце B)" },
        { "empty file", "", "Файл пуст." },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task AMalformedCsv_GivesItsMessage_AndWritesNothing(string _, string content, string expected)
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        // A good row first: an error anywhere in the file must keep it out too.
        await AssertRefusedAsync(campaign, city, content.Length == 0 ? [] : Csv(content), "file.csv", expected);
    }

    public static TheoryData<string, string> HostileFiles => new()
    {
        { "encrypted", "защищён паролем или сохранён в старом формате .xls" },
        { "zip bomb", "архивная «бомба»" },
        { "formula", "Лист «Формы и документы», строка 2, столбец B: формулы не принимаются" },
        { "thousands of columns", "больше 200 столбцов" },
        { "50 MB", "Файл больше 10 МБ" },
        { "not a spreadsheet", "Файл не является таблицей .xlsx или .csv." },
        { "corrupt xlsx", "Файл повреждён или не является таблицей .xlsx." },
        { "binary csv", "Файл не является текстовой таблицей .csv." },
        { "row number abc", "неверный номер строки «abc» — файл повреждён" },
        { "row number overflowing", "неверный номер строки «99999999999» — файл повреждён" },
        { "cell type xyz", "Лист «Формы и документы», строка 1" },
        { "relationship to nowhere", "Файл повреждён или не является таблицей .xlsx" },
        { "one row of 300 cells all A1", "больше 200 столбцов" },
        { "25 000 empty rows", "больше 20\u00A0000 строк" },
        { "XXE: an external entity", "Файл повреждён или не является таблицей .xlsx" },
        { "billion laughs", "Файл повреждён или не является таблицей .xlsx" },
        { "60 000 shared strings", "В книге больше 50\u00A0000 разных текстов" },
        { "a million and 200 cells", "В книге больше 1\u00A0000\u00A0000 заполненных ячеек" },
        { "csv in KOI8-R", "неизвестный заголовок" },
        // Each of these used to end the whole server process (a stack overflow in the SDK, or gigabytes of memory).
        { "100 000 nested elements in a cell", "вложенность XML глубже 64 уровней" },
        { "100 000 nested elements in the workbook part", "вложенность XML глубже 64 уровней" },
        { "100 000 nested elements in the shared strings", "вложенность XML глубже 64 уровней" },
        { "100 000 nested elements in the styles", "вложенность XML глубже 64 уровней" },
        { "a shared string of 2,6 million runs", "больше 100\u00A0000 фрагментов форматирования" },
        { "20 000 sheets", "в книге больше 50 листов" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task AHostileFile_IsRefusedCleanly(string kind, string expected)
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        var (bytes, name) = kind switch
        {
            "encrypted" => (Encrypted(), "book.xlsx"),
            "zip bomb" => (ZipBomb(), "book.xlsx"),
            "formula" => (XlsxWithFormula(), "book.xlsx"),
            "thousands of columns" => (Csv(IntakeColumns.Name + string.Concat(Enumerable.Repeat(";Положение", 5000)) + "\nСШ № 50"), "wide.csv"),
            "50 MB" => (new byte[50 * 1024 * 1024], "big.xlsx"),
            "not a spreadsheet" => ("\x89PNG\r\n\x1A\n"u8.ToArray().Concat(new byte[100]).ToArray(), "photo.xlsx"),
            "corrupt xlsx" => ("PK\x03\x04 not really a zip"u8.ToArray(), "broken.xlsx"),
            "row number abc" => (XlsxWithRows("<row r=\"abc\"><c r=\"A1\" t=\"inlineStr\"><is><t>СШ № 50</t></is></c></row>"), "book.xlsx"),
            "row number overflowing" => (XlsxWithRows("<row r=\"99999999999\"><c r=\"A1\"><v>1</v></c></row>"), "book.xlsx"),
            // An unknown cell type is read as a plain value: the file is read, and the header row is what is wrong.
            "cell type xyz" => (XlsxWithRows("<row r=\"1\"><c r=\"A1\" t=\"xyz\"><v>1</v></c></row>"), "book.xlsx"),
            "relationship to nowhere" => (XlsxWithPart("xl/workbook", xml => System.Text.RegularExpressions.Regex.Replace(xml, "r:id=\"[^\"]+\"", "r:id=\"rIdNowhere\"")), "book.xlsx"),
            "one row of 300 cells all A1" => (XlsxWithRows("<row r=\"1\">" + string.Concat(Enumerable.Repeat("<c r=\"A1\"><v>1</v></c>", 300)) + "</row>"), "book.xlsx"),
            "25 000 empty rows" => (XlsxWithRows(string.Concat(Enumerable.Range(1, 25_000).Select(i => $"<row r=\"{i}\"/>"))), "book.xlsx"),
            // The XML parser refuses document type declarations: no file is read from the server, no entity expands.
            "XXE: an external entity" => (XlsxWithPart("xl/worksheets/", xml => WithDoctype(xml, "<!DOCTYPE w [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>")
                .Replace("СШ № 50", "&leak;", StringComparison.Ordinal)), "book.xlsx"),
            "billion laughs" => (XlsxWithPart("xl/worksheets/", xml => WithDoctype(xml, "<!DOCTYPE w [<!ENTITY a \"ha\">"
                + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">")) + "]>")
                .Replace("СШ № 50", "&j;", StringComparison.Ordinal)), "book.xlsx"),
            "60 000 shared strings" => (XlsxWithSharedStrings(60_000), "book.xlsx"),
            // Random values, as a real attack would use, so that the archive's compression does not give it away first.
            "a million and 200 cells" => (XlsxWithRows(RandomRows(5_001, 200)), "book.xlsx"),
            "csv in KOI8-R" => (Koi8($"{Forms}\nСШ № 50;1;0;1\n"), "koi8.csv"),
            "100 000 nested elements in a cell" => (XlsxWithRows($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>{Nested(100_000)}</is></c></row>"), "book.xlsx"),
            "100 000 nested elements in the workbook part" => (XlsxWithPart("xl/workbook", xml => InsertBeforeEnd(xml, Nested(100_000))), "book.xlsx"),
            "100 000 nested elements in the shared strings" => (XlsxWithSharedStringsXml($"<si>{Nested(100_000)}</si>"), "book.xlsx"),
            "100 000 nested elements in the styles" => (XlsxWithPart("xl/styles", xml => InsertBeforeEnd(xml, Nested(100_000))), "book.xlsx"),
            "a shared string of 2,6 million runs" => (XlsxWithSharedStringsXml("<si>" + string.Concat(Enumerable.Repeat("<r><t>a</t></r>", 2_600_000)) + "</si>"), "book.xlsx"),
            "20 000 sheets" => (XlsxWithPart("xl/workbook", xml => System.Text.RegularExpressions.Regex.Replace(xml, "(<(?:x:)?sheet [^>]*/>)",
                m => string.Concat(Enumerable.Range(0, 20_000).Select(_ => m.Value)))), "book.xlsx"),
            _ => (new byte[] { 0x41, 0, 0x42, 0 }, "data.csv"),
        };
        var logger = new RecordingLogger<SpreadsheetImport>();
        var preview = await AssertRefusedAsync(campaign, city, bytes, name, expected, logger: logger);

        // A refused file is on record with what the user was told (once for the preview, once for «Записать»).
        if (preview.Refusal is { } refusal)
            Assert.Equal(2, logger.Entries.Count(e => e.StartsWith("Warning: Import of «", StringComparison.Ordinal) && e.EndsWith(refusal, StringComparison.Ordinal)));
        else
            Assert.Empty(logger.Entries); // a file that was read, with problems in its cells, is the user's to fix
    }

    private static string RandomRows(int rows, int cells)
    {
        var random = new Random(17);
        var xml = new StringBuilder();
        for (var r = 1; r <= rows; r++)
        {
            xml.Append("<row r=\"").Append(r).Append("\">");
            for (var c = 0; c < cells; c++)
                xml.Append("<c><v>").Append(random.Next(10)).Append("</v></c>");
            xml.Append("</row>");
        }
        return xml.ToString();
    }

    /// <summary>Unknown elements nested <paramref name="depth"/> deep: «&lt;x&gt;&lt;x&gt;…&lt;/x&gt;&lt;/x&gt;».</summary>
    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth));

    /// <summary>Puts <paramref name="inner"/> just before the part's closing root tag.</summary>
    private static string InsertBeforeEnd(string xml, string inner)
    {
        var end = xml.LastIndexOf("</", StringComparison.Ordinal);
        return xml[..end] + inner + xml[end..];
    }

    /// <summary>A one-sheet workbook whose shared strings part has exactly the given items.</summary>
    private static byte[] XlsxWithSharedStringsXml(string items)
    {
        var bytes = XlsxWithSharedStrings(1);
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.Contains("sharedStrings", StringComparison.OrdinalIgnoreCase));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write($"<?xml version=\"1.0\" encoding=\"utf-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{items}</sst>");
        }
        return stream.ToArray();
    }

    private static byte[] Koi8(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(20866).GetBytes(text);
    }

    /// <summary>A document type declaration put after the XML declaration of a part.</summary>
    private static string WithDoctype(string xml, string doctype)
    {
        var end = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return xml[..end] + doctype + xml[end..];
    }

    [Fact]
    public async Task ACsvSavedAsUnicodeTextByExcel_Imports()
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        // Excel's «Текст в Юникоде»: UTF-16 little-endian with its byte order mark, tab-separated.
        var file = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"{Forms.Replace(';', '\t')}\r\nСШ № 50\t1\t0\t1\r\n")).ToArray();

        var preview = await database.ImportAs(Admin).PreviewAsync(campaign, city, file, "unicode.txt");

        Assert.True(preview.CanCommit, preview.Refusal ?? string.Join("\n", preview.Problems.Select(p => p.Text)));
        Assert.Equal(["СШ № 50"], preview.Changes.Select(c => c.OrganisationName).Distinct());
    }

    [Fact]
    public async Task OneImportPerUser_AndTwoPerServer_AtATime_OthersToldToWait()
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        var file = Csv($"{Forms}\nСШ № 50;1;0;1");
        var before = await FingerprintAsync(database);

        using (var running = database.ImportSlots.TryEnter(Admin.Identity!.Name!).Slot)
        {
            var second = await database.ImportAs(Admin).CommitAsync(campaign, city, file, "forms.csv");
            Assert.Equal(ImportSlots.BusyForUser, second.Refusal);
        }
        using (database.ImportSlots.TryEnter("first@test").Slot)
        using (database.ImportSlots.TryEnter("second@test").Slot)
        {
            var third = await database.ImportAs(Admin).CommitAsync(campaign, city, file, "forms.csv");
            Assert.Equal(ImportSlots.BusyForServer, third.Refusal);
        }
        Assert.Equal(before, await FingerprintAsync(database));

        // Once the others are done, the same upload goes through.
        Assert.True((await database.ImportAs(Admin).PreviewAsync(campaign, city, file, "forms.csv")).CanCommit);
    }

    [Fact]
    public async Task Names_MatchDespiteQuotesCaseNumberSignsAndSpaces()
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        var preview = await database.ImportAs(Admin).PreviewAsync(campaign, city, Csv($"""
            {Forms}
              сш  N50 ;1;1;1
            ДО ЦДО "Спектр";1;1;1
            до ддю «школа самоопределения»;0;1;1
            Гимназия No 10;1;1;1
            """), "names.csv");

        Assert.True(preview.CanCommit, string.Join("\n", preview.Problems.Select(p => p.Text)));
        Assert.Equal(["Гимназия № 10", "ДО ДДЮ «Школа самоопределения»", "ДО ЦДО «Спектр»", "СШ № 50"],
            preview.Changes.Select(c => c.OrganisationName).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task ACsvSavedByRussianExcelInWindows1251_Imports()
    {
        var (campaign, _, city) = await CollectingCampaignAsync(database);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = Encoding.GetEncoding(1251).GetBytes($"{Forms}\r\nСШ № 50;1;0;1\r\n");

        var preview = await database.ImportAs(Admin).CommitAsync(campaign, city, file, "cp1251.csv");

        Assert.True(preview.CanCommit, string.Join("\n", preview.Problems.Select(p => p.Text)));
        Assert.Equal(3, preview.Changes.Count);
        Assert.All(preview.Changes, c => Assert.Equal("СШ № 50", c.OrganisationName));
    }

    [Fact]
    public async Task ACurator_ImportsOnlyTheirOwnSchool()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var curator = database.ImportAs(TestUsers.For(Roles.Curator, region, city, school));

        var own = await curator.PreviewAsync(campaign, city, Csv($"{Forms}\nСШ № 50;1;1;1"), "own.csv");
        Assert.True(own.CanCommit);

        await AssertRefusedAsync(campaign, city, Csv($"{Forms}\nСШ № 50;1;1;1\nСШ № 32;1;1;1"), "both.csv",
            "Строка 3, столбец «Образовательная организация»: организация «СШ № 32» не найдена среди организаций, данные которых вы вносите",
            TestUsers.For(Roles.Curator, region, city, school));
        // A municipality outside the curator's territory is refused outright.
        var other = await database.MunicipalityIdAsync("город-курорт Анапа");
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => curator.PreviewAsync(campaign, other, Csv(Forms), "x.csv"));
    }

    [Fact]
    public async Task AClosedCampaign_RefusesOfficials_ButTakesAnAuditedCorrectionFromAnAdministrator()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        Assert.Null(await database.CampaignsAs(Admin).CloseAsync(campaign));
        var file = Csv($"{Forms}\nСШ № 50;1;1;1");

        await AssertRefusedAsync(campaign, city, file, "late.csv", "Мониторинг закрыт: исправления вносит администратор.",
            TestUsers.For(Roles.RegionalOfficial, region));

        var correction = await database.ImportAs(Admin).CommitAsync(campaign, city, file, "correction.csv");
        Assert.Equal(3, correction.Changes.Count);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "DataChanged").Select(a => a.Details).ToListAsync(),
            d => d.Contains("Импорт из файла «correction.csv»", StringComparison.Ordinal));
    }

    private async Task<ImportPreview> AssertRefusedAsync(int campaign, int city, byte[] file, string name, string expected,
        System.Security.Claims.ClaimsPrincipal? user = null, Microsoft.Extensions.Logging.ILogger<SpreadsheetImport>? logger = null)
    {
        var import = database.ImportAs(user ?? Admin, logger);
        var before = await FingerprintAsync(database);

        var preview = await import.PreviewAsync(campaign, city, file, name);
        var committed = await import.CommitAsync(campaign, city, file, name);

        var messages = preview.Refusal is { } refusal ? [refusal] : preview.Problems.Select(p => p.Text).ToList();
        Assert.False(preview.CanCommit);
        Assert.False(committed.CanCommit);
        Assert.Contains(messages, m => m.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, await FingerprintAsync(database));
        return preview;
    }
}

public sealed class SpreadsheetImportOnSqlite(SqliteSeededDatabase database) : SpreadsheetImportTests(database), IClassFixture<SqliteSeededDatabase>;

public sealed class SpreadsheetImportOnPostgreSql(PostgreSqlSeededDatabase database) : SpreadsheetImportTests(database), IClassFixture<PostgreSqlSeededDatabase>;
