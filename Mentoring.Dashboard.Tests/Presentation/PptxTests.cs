using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Presentation;
using Mentoring.Dashboard.Services.Presentation.Pptx;
using Mentoring.Dashboard.Tests.Infrastructure;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Mentoring.Dashboard.Tests.Presentation;

/// <summary>The .pptx a conference organiser gets: valid, editable, with the page's figures, and readable by LibreOffice.</summary>
[Collection(SqliteDatabaseCollection.Name)]
public partial class PptxTests(SqliteSeededDatabase database)
{
    private static readonly Speaker Speaker = new("Смирнова Ольга Викторовна", "Начальник отдела", "Департамент общего образования Томской области");

    private async Task<Deck> TomskDeckAsync() =>
        await database.DecksAs(TestUsers.For(Roles.Administrator)).BuildAsync(TerritoryRef.Region(await database.RegionIdAsync("tomsk")), null, Speaker);

    [Fact]
    public async Task TheTomskDeck_IsAValidPresentation_WithATextSlideTableAndChartPerMessage()
    {
        var deck = await TomskDeckAsync();

        using var document = PresentationDocument.Open(new MemoryStream(PptxWriter.Write(deck)), false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath} ({e.Part?.Uri}): {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var slides = document.PresentationPart!.Presentation.SlideIdList!.Elements<DocumentFormat.OpenXml.Presentation.SlideId>()
            .Select(id => (SlidePart)document.PresentationPart.GetPartById(id.RelationshipId!)).ToList();
        Assert.Equal(deck.Visible.Count, slides.Count);

        // The title slide names the speaker as their profile does.
        Assert.Equal(["Томская область", deck.Visible[0].Subtitle!, "Смирнова Ольга Викторовна", "Начальник отдела, Департамент общего образования Томской области",
            "Томская область · по состоянию на 01.06.2023", "1"], Texts(slides[0]));

        // Key figures are a real table with the page's words.
        var key = deck.Visible.ToList().FindIndex(s => s.Kind == SlideKind.KeyFigures);
        var cells = slides[key].Slide.Descendants<A.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["Показатель", "Значение", "Изменение", "План"], cells.Take(4));
        Assert.Contains("Обучающиеся 5–11 кл. в наставничестве", cells);
        Assert.Contains("51,56\u00A0%", cells);
        Assert.Contains("план 2023 г.: 50\u00A0%, выполнен", cells);
        Assert.Contains("По сравнению с 2021 г. улучшились 6 из 6 ключевых показателей", Texts(slides[key]));

        // The ranking is a native chart carrying the slide's values, in an embedded workbook too; generated figures say so.
        var rankingSlide = deck.Visible.Single(s => s.Kind == SlideKind.Ranking);
        var ranking = slides[deck.Visible.ToList().IndexOf(rankingSlide)].ChartParts.Single();
        var cached = ranking.ChartSpace.Descendants<C.Values>().Single().Descendants<C.NumericValue>().Select(v => decimal.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Each value as the slide shows it, to its last printed digit.
        Assert.Equal(rankingSlide.Ranking.Select(r => r.ValueText), cached.Select(v => v.ToString("0.###", Mentoring.Dashboard.Services.Format.Russian) + "\u00A0%"));
        var categories = ranking.ChartSpace.Descendants<C.CategoryAxisData>().Single().Descendants<C.NumericValue>().Select(v => v.Text).ToList();
        Assert.Equal("1. Тегульдетский район\u00A0*", categories[0]);
        Assert.Equal("21. Городской округ Кедровый\u00A0*", categories[^1]);
        // Its labels in Russian notation with the unit: «%» after the value, the decimal comma forced by the format's language.
        Assert.Equal("[$-419]General\" %\"", ranking.ChartSpace.Descendants<C.DataLabels>().Single().GetFirstChild<C.NumberingFormat>()!.FormatCode);
        Assert.Equal("[$-419]0\" %\"", ranking.ChartSpace.Descendants<C.ValueAxis>().Single().GetFirstChild<C.NumberingFormat>()!.FormatCode);
        using var workbook = SpreadsheetDocument.Open(ranking.EmbeddedPackagePart!.GetStream(), false);
        var sheetCells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.Equal("100", sheetCells.Single(c => c.CellReference == "B2").CellValue!.Text);
        Assert.Equal("1. Тегульдетский район\u00A0*", sheetCells.Single(c => c.CellReference == "A2").InnerText);

        // The notes go with their slides, a paragraph per line, as in the presenter's window; every slide has some.
        Assert.Equal(deck.Visible[0].Notes, string.Join("\n", slides[0].NotesSlidePart!.NotesSlide.Descendants<A.Paragraph>().Select(p => p.InnerText)));
        Assert.Equal(deck.Visible.Count, slides.Count(s => s.NotesSlidePart is not null));
        // Each notes page shows its slide above the notes, as PowerPoint's own do.
        Assert.All(slides, s => Assert.Single(s.NotesSlidePart!.NotesSlide.Descendants<DocumentFormat.OpenXml.Presentation.PlaceholderShape>(),
            placeholder => placeholder.Type?.Value == DocumentFormat.OpenXml.Presentation.PlaceholderValues.SlideImage));
        // Table rows are as tall as their text, not stretched over the frame (a one-row table used to get a 6 cm
        // header): a header of one or two lines of 18–24 px type is 30–66 px high.
        var tables = slides.SelectMany(s => s.Slide.Descendants<A.Table>()).ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.InRange(t.Elements<A.TableRow>().First().Height!.Value / Box.EmuPerPixel, 30, 66));
        // Every slide's title is in a title placeholder, where PowerPoint's outline and its accessibility checker look.
        Assert.Equal(deck.Visible.Select(s => s.Title), slides.Select(s => s.Slide.Descendants<DocumentFormat.OpenXml.Presentation.Shape>()
            .Single(shape => shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value
                             == DocumentFormat.OpenXml.Presentation.PlaceholderValues.Title).InnerText));

        // Every story chart of the page is a chart here, not a picture.
        Assert.Equal(deck.Visible.Count(s => s.Kind is SlideKind.Ranking or SlideKind.Forms or SlideKind.Documents
            || s is { Kind: SlideKind.Dynamics, IsAppendix: false }), slides.Count(s => s.ChartParts.Any()));
        Assert.DoesNotContain(slides, s => s.ImageParts.Any());
    }

    [Fact]
    public async Task LibreOffice_OpensTheDeck_OnePagePerSlide_WithTheKeyFigures()
    {
        var deck = await TomskDeckAsync();
        var folder = Directory.CreateTempSubdirectory("pptx-");
        try
        {
            var pdf = await LibreOfficePdfAsync(deck, folder);
            // Pages to look at, next to the browser tests' screenshots (before the checks, so a failure can be seen).
            var screenshots = Path.Combine(DashboardApp.ScreenshotFolder, "pptx");
            Directory.CreateDirectory(screenshots);
            await RunAsync("pdftoppm", $"-png -r 80 {pdf} {Path.Combine(screenshots, "tomsk")}");
            var info = await RunAsync("pdfinfo", pdf);
            Assert.Equal(deck.Visible.Count.ToString(), PdfPages().Match(info).Groups[1].Value);

            var key = deck.Visible.ToList().FindIndex(s => s.Kind == SlideKind.KeyFigures) + 1;
            var text = Regex.Replace(await RunAsync("pdftotext", $"-f {key} -l {key} {pdf} -"), @"\s+", " ");
            Assert.Contains("КЛЮЧЕВЫЕ ПОКАЗАТЕЛИ", text);
            Assert.Contains("По сравнению с 2021 г. улучшились 6 из 6 ключевых показателей", text);
            Assert.Contains("Обучающиеся 5–11 кл. в наставничестве 51,56 %", text);
            // A row as the page lays it out: the indicator with its slice, then its value.
            var rows = await RunAsync("pdftotext", $"-layout -f {key} -l {key} {pdf} -");
            Assert.Matches(@"«Учитель-ученик» \(ОУ\) +80,8 %", rows);

            // The ranking's labels as LibreOffice draws them: a decimal comma and «%» (a fractional value of the slide's).
            var rankingSlide = deck.Visible.Single(s => s.Kind == SlideKind.Ranking);
            var fractional = rankingSlide.Ranking.Select(r => r.ValueText).First(v => v.Contains(','));
            var rankingPage = deck.Visible.ToList().IndexOf(rankingSlide) + 1;
            var rankingText = Regex.Replace(await RunAsync("pdftotext", $"-f {rankingPage} -l {rankingPage} {pdf} -"), @"\s+", " ");
            Assert.Contains(fractional.Replace('\u00A0', ' '), rankingText);
            Assert.DoesNotContain(fractional.Replace(',', '.').Split('\u00A0')[0], rankingText);

        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// What a hall reads, at 18 pt or more in every demo deck: every table cell and every chart's text (names, values,
    /// axes, legends). Only the small print is smaller: a slide's topic, footnotes and footer.
    /// </summary>
    [Theory]
    [InlineData("tomsk", null)]
    [InlineData("krasnodar", null)]
    [InlineData("kuzbass", null)]
    [InlineData("krasnodar", "город-курорт Анапа")]
    public async Task EveryTableAndChart_IsSetAtEighteenPointsOrMore(string region, string? municipality)
    {
        var deck = await DeckAsync(region, municipality);
        using var document = PresentationDocument.Open(new MemoryStream(PptxWriter.Write(deck)), false);
        var slides = document.PresentationPart!.SlideParts.ToList();

        // Font sizes in hundredths of a point.
        var cells = slides.SelectMany(s => s.Slide.Descendants<A.TableCell>()).SelectMany(c => c.Descendants<A.RunProperties>()).ToList();
        var charts = slides.SelectMany(s => s.ChartParts).SelectMany(c => c.ChartSpace.Descendants<A.DefaultRunProperties>()).ToList();
        Assert.NotEmpty(cells);
        Assert.NotEmpty(charts);
        Assert.All(cells, r => Assert.True(r.FontSize!.Value >= 1800, $"a table cell at {r.FontSize.Value / 100.0} pt"));
        Assert.All(charts, r => Assert.True(r.FontSize!.Value >= 1800, $"a chart's text at {r.FontSize.Value / 100.0} pt"));
    }

    /// <summary>
    /// A forms chart's values are the slide's, to the last digit the report printed: Kuzbass's «0,001 %» is not «0 %».
    /// </summary>
    [Fact]
    public async Task AFormsChart_CarriesEachValueAsTheSlideShowsIt()
    {
        var deck = await DeckAsync("kuzbass", null);
        using var document = PresentationDocument.Open(new MemoryStream(PptxWriter.Write(deck)), false);
        var index = deck.Visible.ToList().FindIndex(s => s.Kind == SlideKind.Forms);
        var chart = deck.Visible[index].Chart!;
        var part = document.PresentationPart!.SlideParts.ElementAt(index).ChartParts.Single();

        var shown = chart.Series.Select(s => s.Points.Select(p => p.Text).ToList()).ToList();
        var carried = part.ChartSpace.Descendants<C.Values>().Select(v => v.Descendants<C.NumericValue>()
            .Select(n => decimal.Parse(n.Text, System.Globalization.CultureInfo.InvariantCulture).ToString("0.###", Mentoring.Dashboard.Services.Format.Russian) + "\u00A0%").ToList()).ToList();
        Assert.Equal(shown, carried);
        Assert.Contains("0,001\u00A0%", carried.SelectMany(s => s));
    }

    private async Task<Deck> DeckAsync(string region, string? municipality)
    {
        var regionId = await database.RegionIdAsync(region);
        return municipality is null
            ? await database.DecksAs(TestUsers.For(Roles.Administrator)).BuildAsync(TerritoryRef.Region(regionId), null, Speaker)
            : await database.DecksAs(TestUsers.For(Roles.MunicipalHead, regionId, await database.MunicipalityIdAsync(municipality)))
                .BuildAsync(TerritoryRef.Municipality(await database.MunicipalityIdAsync(municipality)), null, Speaker);
    }

    /// <summary>
    /// Each demo deck as LibreOffice lays it out: no word runs into another (a table grown past its frame into the
    /// footnotes, a label over a label) and none leaves the page. Words are read with their boxes from the PDF.
    /// </summary>
    [Theory]
    [InlineData("tomsk", null)]
    [InlineData("krasnodar", null)]
    [InlineData("kuzbass", null)]
    [InlineData("krasnodar", "город-курорт Анапа")]
    public async Task EveryPptxSlide_KeepsItsWordsApart_AndOnThePage(string region, string? municipality)
    {
        var deck = await DeckAsync(region, municipality);
        var folder = Directory.CreateTempSubdirectory("pptx-");
        try
        {
            var pdf = await LibreOfficePdfAsync(deck, folder);
            // Pages to look at: artifacts/screenshots/pptx/<deck>-NN.png.
            Directory.CreateDirectory(Path.Combine(DashboardApp.ScreenshotFolder, "pptx"));
            await RunAsync("pdftoppm", $"-png -r 60 {pdf} {Path.Combine(DashboardApp.ScreenshotFolder, "pptx", municipality is null ? region : "anapa")}");
            var layout = await RunAsync("pdftotext", $"-bbox {pdf} -");

            var problems = new List<string>();
            foreach (var (page, number) in Pages().Matches(layout).Select((m, i) => (m, i + 1)))
            {
                var (width, height) = (Number(page.Groups["w"].Value), Number(page.Groups["h"].Value));
                var words = Words().Matches(page.Groups["body"].Value)
                    .Select(w => (Text: w.Groups["text"].Value, X0: Number(w.Groups["x0"].Value), Y0: Number(w.Groups["y0"].Value),
                        X1: Number(w.Groups["x1"].Value), Y1: Number(w.Groups["y1"].Value)))
                    .ToList();
                var title = deck.Visible[number - 1].Title;
                // The reading works: the page's headline is among its words.
                Assert.Contains(words, w => w.Text == title.Split(' ')[0]);
                // Every bar of a ranking is named: no name left out to make room.
                foreach (var row in deck.Visible[number - 1].Ranking.Where(r => !words.Any(w => w.Text == r.Name.Split(' ').MaxBy(n => n.Length))))
                    problems.Add($"{number} «{title}»: the bar of «{row.Name}» has no name");
                problems.AddRange(words.Where(w => w.X0 < 0 || w.Y0 < 0 || w.X1 > width + 0.5 || w.Y1 > height + 0.5)
                    .Select(w => $"{number} «{title}»: «{w.Text}» leaves the page"));
                for (var i = 0; i < words.Count; i++)
                    for (var j = i + 1; j < words.Count; j++)
                    {
                        var (a, b) = (words[i], words[j]);
                        var overlapX = Math.Min(a.X1, b.X1) - Math.Max(a.X0, b.X0);
                        var overlapY = Math.Min(a.Y1, b.Y1) - Math.Max(a.Y0, b.Y0);
                        // More than a third of the lower word's height and a real width: text drawn over text.
                        if (overlapX > 1 && overlapY > Math.Min(a.Y1 - a.Y0, b.Y1 - b.Y0) / 3)
                            problems.Add($"{number} «{title}»: «{a.Text}» runs into «{b.Text}»");
                    }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The deck's .pptx as LibreOffice Impress prints it to PDF, in <paramref name="folder"/>.</summary>
    private static async Task<string> LibreOfficePdfAsync(Deck deck, DirectoryInfo folder)
    {
        var pptx = Path.Combine(folder.FullName, "deck.pptx");
        await File.WriteAllBytesAsync(pptx, PptxWriter.Write(deck));
        // Its own profile directory: a test never touches (or waits on) a user's LibreOffice profile.
        await RunAsync("soffice", $"-env:UserInstallation=file://{folder.FullName}/profile --headless --convert-to pdf --outdir {folder.FullName} {pptx}");
        return Path.Combine(folder.FullName, "deck.pdf");
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<page width=""(?<w>[\d.]+)"" height=""(?<h>[\d.]+)"">(?<body>.*?)</page>", RegexOptions.Singleline)]
    private static partial Regex Pages();

    [GeneratedRegex(@"<word xMin=""(?<x0>[\d.]+)"" yMin=""(?<y0>[\d.]+)"" xMax=""(?<x1>[\d.]+)"" yMax=""(?<y1>[\d.]+)"">(?<text>[^<]*)</word>")]
    private static partial Regex Words();

    private static List<string> Texts(SlidePart slide) =>
        slide.Slide.Descendants<DocumentFormat.OpenXml.Presentation.Shape>().SelectMany(s => s.Descendants<A.Paragraph>()).Select(p => p.InnerText).ToList();

    private static async Task<string> RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {arguments}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PdfPages();
}
