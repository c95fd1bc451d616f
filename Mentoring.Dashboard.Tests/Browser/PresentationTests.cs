using System.Text.RegularExpressions;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

/// <summary>Presenter mode in Chromium at a projector's 1920×1080.</summary>
[Collection(DashboardAppCollection.Name)]
public partial class PresentationTests(DashboardApp app)
{
    private async Task<IPage> OpenTomskDeckAsync()
    {
        var page = await app.SignInAsync("admin@demo.local", width: 1920, height: 1080);
        await page.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("tomsk")}");
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("a:has-text('Презентация')");
        await Expect(page.Locator(".slide.is-current h1")).ToHaveTextAsync("Томская область");
        await DashboardApp.WaitForInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task ThreeArrowPresses_ShowTheFourthSlide_WithItsFigure()
    {
        var page = await OpenTomskDeckAsync();
        await DashboardApp.ScreenshotAsync(page, "50-slide-title");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync(new Regex(@"^2 / \d+$"));
        await DashboardApp.ScreenshotAsync(page, "51-slide-key-figures");
        await page.Keyboard.PressAsync("ArrowRight");
        var third = page.Locator(".slide.is-current");
        await Expect(third.Locator("h2")).ToHaveTextAsync("План 2023 г. выполнен по 2 из 7 показателей");
        await Expect(third.Locator("tr[data-indicator=TP_STU_DOP]")).ToContainTextAsync("38,44\u00A0%");
        await DashboardApp.ScreenshotAsync(page, "52-slide-plan");
        await page.Keyboard.PressAsync("ArrowRight");

        var fourth = page.Locator(".slide.is-current");
        await Expect(fourth.Locator(".slide-topic")).ToHaveTextAsync("Динамика: по сравнению с 2021 г.");
        await Expect(fourth.Locator("h2")).ToHaveTextAsync(
            "Улучшились 19 из 19 значений (демо); больше всего — «Обучающиеся 5–11 кл. в наставничестве»: 29,05\u00A0% → 51,56\u00A0%");
        await Expect(fourth.Locator(".slide-pair").First).ToContainTextAsync("29,05\u00A0% → 51,56\u00A0%");
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync(new Regex(@"^4 / \d+$"));
        await DashboardApp.ScreenshotAsync(page, "53-slide-dynamics");

        await page.Keyboard.PressAsync("End");
        await DashboardApp.ScreenshotAsync(page, "54-slide-last");
        await page.Keyboard.PressAsync("Home");
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync(new Regex(@"^1 / \d+$"));
    }

    [Theory]
    [InlineData("tomsk", 22, 7, 1920, 1080)]
    [InlineData("krasnodar", 13, 6, 1920, 1080)]
    [InlineData("kuzbass", 13, 7, 1920, 1080)]
    [InlineData("город-курорт Анапа", 9, 6, 1920, 1080)]
    [InlineData("tomsk", 22, 7, 1280, 720)]
    [InlineData("krasnodar", 13, 6, 1280, 720)]
    [InlineData("kuzbass", 13, 7, 1280, 720)]
    [InlineData("город-курорт Анапа", 9, 6, 1280, 720)]
    public async Task EverySlide_FitsItsPage(string territory, int slides, int story, int width, int height)
    {
        // A region by its code, a municipality (its head's deck) by its name.
        var (account, query, region) = territory.Contains(' ')
            ? ("anapa@demo.local", $"municipality={await app.MunicipalityIdAsync(territory)}", "anapa")
            : ("admin@demo.local", $"region={await app.RegionIdAsync(territory)}", territory);
        region += width == 1920 ? "" : $"-{height}p";
        var page = await app.SignInAsync(account, width: width, height: height);
        await page.GotoAsync($"{app.BaseUrl}/slides?{query}");
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.Locator(".slide-show").FocusAsync();
        var count = await page.Locator(".slide").CountAsync();
        Assert.Equal(slides, count); // a deck with no slides would pass the loop below unchecked
        // The story before the appendix: the title, one slide per key message, «Главное».
        Assert.Equal(story, await page.Locator(".slide[data-appendix=false]").CountAsync());

        for (var i = 1; i <= count; i++)
        {
            await Expect(page.Locator(".slide-counter")).ToHaveTextAsync($"{i} / {count}");
            var current = page.Locator(".slide.is-current");
            var title = await current.GetAttributeAsync("aria-label");
            // Nothing cut off: the body's content is no taller than the body.
            var overflow = await current.EvaluateAsync<bool>("s => { const b = s.querySelector('.slide-body'); return !!b && b.scrollHeight > b.clientHeight + 1; }");
            await DashboardApp.ScreenshotAsync(page, $"55-{region}-slide-{i:00}");
            Assert.False(overflow, $"{region}: «{title}» does not fit its slide.");
            // No label drawn over another: each value and name stands clear (measured by its text, not its box).
            var collisions = await current.EvaluateAsync<string[]>("""
                s => {
                  const texts = [...s.querySelectorAll('.slide-column span, .slide-column-label, .slide-ranking-name, .slide-ranking-value')].map(e => {
                    const range = document.createRange(); range.selectNodeContents(e);
                    return { text: e.textContent.trim(), r: range.getBoundingClientRect() };
                  });
                  const found = [];
                  for (let i = 0; i < texts.length; i++)
                    for (let j = i + 1; j < texts.length; j++) {
                      const a = texts[i].r, b = texts[j].r;
                      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
                        found.push(`«${texts[i].text}» runs into «${texts[j].text}»`);
                    }
                  return found;
                }
                """);
            Assert.True(collisions.Length == 0, $"{region}: «{title}»: {string.Join("; ", collisions)}");
            // No name cut short («Областные государственные образов…»).
            var cut = await current.EvaluateAsync<string[]>(
                "s => [...s.querySelectorAll('.slide-ranking-name, .slide-column-label, td, th')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim())");
            Assert.True(cut.Length == 0, $"{region}: «{title}» cuts {string.Join("; ", cut)}");
            // Every column of a chart is drawn to one scale, whether or not its label wraps.
            var pixelsPerUnit = await current.EvaluateAsync<double[]>(
                "s => [...s.querySelectorAll('.slide-column')].filter(c => Number(c.dataset.value) >= 5).map(c => c.getBoundingClientRect().height / Number(c.dataset.value))");
            if (pixelsPerUnit.Length > 1)
                Assert.True(pixelsPerUnit.Max() / pixelsPerUnit.Min() < 1.02, $"{region}: «{title}» draws its columns to different scales: {string.Join("; ", pixelsPerUnit)}");
            await page.Keyboard.PressAsync("ArrowRight");
        }
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    [InlineData(1280, 800)]
    public async Task TheHallSeesTheWholeSlide_LetterboxedToTheWindow_WithTheControlsOverItOnlyWhenTheMouseMoves(int width, int height)
    {
        var page = await app.SignInAsync("presenter@demo.local", width: width, height: height);
        await page.GotoAsync($"{app.BaseUrl}/slides?region={await app.RegionIdAsync("krasnodar")}");
        await DashboardApp.WaitForInteractiveAsync(page);
        var controls = page.Locator(".slide-controls");

        // Shown at the start, then gone: the hall sees the slide and nothing else.
        await Expect(controls).ToHaveCSSAsync("opacity", "0", new() { Timeout = 10_000 });
        var slide = (await page.Locator(".slide.is-current").BoundingBoxAsync())!;
        var scale = Math.Min(width / 1600.0, height / 900.0);
        Assert.Equal((width - 1600 * scale) / 2, slide.X, 0.5);
        Assert.Equal((height - 900 * scale) / 2, slide.Y, 0.5);
        Assert.Equal(1600 * scale, slide.Width, 0.5);
        Assert.Equal(900 * scale, slide.Height, 0.5);
        await DashboardApp.ScreenshotAsync(page, $"56-hall-{width}x{height}");

        // A mouse move brings the controls back over the slide, which stays where it was.
        await page.Mouse.MoveAsync(width / 2f, height / 2f);
        await Expect(controls).ToHaveCSSAsync("opacity", "1");
        Assert.Equal(slide.Y, (await page.Locator(".slide.is-current").BoundingBoxAsync())!.Y, 0.5);
    }

    [Fact]
    public async Task PrintedDeck_HasOnePagePerVisibleSlide_AndKeepsTheChartColours_WithoutTheBackgroundOption()
    {
        var page = await OpenTomskDeckAsync();
        var visible = await page.Locator(".slide").CountAsync();
        var ranking = await page.Locator(".slide").EvaluateAllAsync<int>("slides => slides.findIndex(s => s.classList.contains('slide--ranking')) + 1");

        // As the print dialog does with «Фон» (background graphics) off.
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = false });

        Assert.Equal(visible, PdfPages().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count);
        // The ranking's bars keep the brand blue (#1F4E8C): a tenth of its page, where a print without them has none.
        var share = await ColourShareAsync(pdf, ranking, (0x1F, 0x4E, 0x8C));
        Assert.True(share > 0.10, $"Brand-blue share of the printed ranking slide: {share:P1}");
    }

    /// <summary>The share of a PDF page's pixels within a small distance of a colour (pdftoppm renders the page).</summary>
    private static async Task<double> ColourShareAsync(byte[] pdf, int pageNumber, (int R, int G, int B) colour)
    {
        var folder = Directory.CreateTempSubdirectory("print-");
        try
        {
            var file = Path.Combine(folder.FullName, "deck.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            using (var process = System.Diagnostics.Process.Start("pdftoppm", $"-f {pageNumber} -l {pageNumber} -r 24 -singlefile {file} {Path.Combine(folder.FullName, "page")}"))
                await process.WaitForExitAsync();
            var ppm = await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "page.ppm"));
            // P6 header: magic, width, height, maximum value, each followed by one whitespace; then RGB bytes.
            var header = System.Text.Encoding.ASCII.GetString(ppm, 0, 64).Split((char[])['\n', ' ', '\r', '\t'], 5, StringSplitOptions.RemoveEmptyEntries);
            var (width, height) = (int.Parse(header[1]), int.Parse(header[2]));
            var start = ppm.Length - width * height * 3;
            var matching = 0;
            for (var i = start; i < ppm.Length; i += 3)
                if (Math.Abs(ppm[i] - colour.R) + Math.Abs(ppm[i + 1] - colour.G) + Math.Abs(ppm[i + 2] - colour.B) < 40)
                    matching++;
            return (double)matching / (width * height);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ThePresenterWindow_AndTheHall_StayOnOneSlide_AndAReloadKeepsIt()
    {
        var page = await OpenTomskDeckAsync();
        await page.ClickAsync("button:has-text('Сохранить как мою презентацию')");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Редактирование презентации");
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("a:has-text('Показать')");
        await DashboardApp.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync("1 / 22");

        var opening = page.WaitForPopupAsync();
        await page.ClickAsync("button:has-text('Окно докладчика')");
        var presenter = await opening;
        await DashboardApp.WaitForInteractiveAsync(presenter);
        await Expect(presenter.Locator(".slide-counter")).ToHaveTextAsync("1 / 22");

        // A key in the presenter's window moves the hall.
        await presenter.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync("2 / 22");
        await Expect(page).ToHaveURLAsync(new Regex("slide=2"));
        // A key in the hall moves the presenter's window, with the next slide beside the current one.
        await page.Locator(".slide-show").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(presenter.Locator(".slide-counter")).ToHaveTextAsync("3 / 22");
        await Expect(presenter.Locator(".presenter-frame--current h2")).ToHaveTextAsync("План 2023 г. выполнен по 2 из 7 показателей");
        await Expect(presenter.Locator(".presenter-frame--next .slide-topic")).ToHaveTextAsync("Динамика: по сравнению с 2021 г.");

        // Notes are typed (a space in them moves nothing), saved with the deck, and there after a reload.
        await presenter.FillAsync("#presenter-notes", "Сказать о росте на 22,5 п.п.");
        await presenter.Locator("#presenter-notes").PressAsync(" ");
        await presenter.ClickAsync("button:has-text('Сохранить заметки')");
        await Expect(presenter.Locator(".presenter-side .form-success")).ToHaveTextAsync("Заметки сохранены.");
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync("3 / 22");
        await DashboardApp.ScreenshotAsync(presenter, "58-presenter-window");
        await presenter.ReloadAsync();
        await DashboardApp.WaitForInteractiveAsync(presenter);
        await Expect(presenter.Locator(".slide-counter")).ToHaveTextAsync("3 / 22");
        await Expect(presenter.Locator("#presenter-notes")).ToHaveValueAsync("Сказать о росте на 22,5 п.п.");
        await presenter.CloseAsync();

        // A reload of the hall's window keeps its slide; Tab leaves the deck for its controls.
        await page.ReloadAsync();
        await DashboardApp.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync("3 / 22");
        await page.Locator(".slide-show").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.slide-controls')"));
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync("3 / 22");

        // The handout: every slide with its notes.
        await page.GotoAsync(page.Url.Replace("slide=3", "view=handout", StringComparison.Ordinal));
        await Expect(page.Locator(".handout-item")).ToHaveCountAsync(22);
        await Expect(page.Locator(".handout-item").Nth(2).Locator(".handout-notes")).ToContainTextAsync("Сказать о росте на 22,5 п.п.");
        await DashboardApp.ScreenshotAsync(page, "59-handout");
        // «Печать» opens the browser's print dialog: the page's own Content-Security-Policy once blocked its inline handler.
        await page.EvaluateAsync("() => { window.printed = 0; window.print = () => window.printed++; }");
        await page.ClickAsync(".handout-print");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.printed"));
    }

    [Fact]
    public async Task APresenterSavesAnEditedDeck_AndSharesIt_OnlyWithinTheTerritory()
    {
        var page = await app.SignInAsync("presenter@demo.local", width: 1920, height: 1080);
        await page.GotoAsync($"{app.BaseUrl}/slides?region={await app.RegionIdAsync("krasnodar")}");
        await DashboardApp.WaitForInteractiveAsync(page);
        var generated = await page.Locator(".slide").CountAsync();
        await page.ClickAsync("button:has-text('Сохранить как мою презентацию')");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Редактирование презентации");
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.Locator(".deck-editor-slide[data-key=key-figures] input[type=checkbox]").CheckAsync();
        var slidesBefore = await page.Locator(".deck-editor-slide").CountAsync();
        await page.ClickAsync("button:has-text('Добавить текстовый слайд')");
        // Wait for the server to render the new slide, or "Last" would still be the previous one.
        await Expect(page.Locator(".deck-editor-slide")).ToHaveCountAsync(slidesBefore + 1);
        var added = page.Locator(".deck-editor-slide").Last;
        await added.Locator("input[type=text]").FillAsync("Вопросы и обсуждение");
        await added.Locator("textarea").FillAsync("Спасибо за внимание!");
        await page.ClickAsync("#deck-save");
        await Expect(page.Locator(".form-success")).ToHaveTextAsync("Презентация сохранена.");
        await DashboardApp.ScreenshotAsync(page, "56-deck-editor");

        await page.ClickAsync("a:has-text('Показать')");
        await DashboardApp.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync($"1 / {generated}");
        await page.Locator(".slide-show").FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(page.Locator(".slide.is-current h2")).ToHaveTextAsync("Вопросы и обсуждение");
        await Expect(page.Locator(".slide.is-current .slide-text")).ToHaveTextAsync("Спасибо за внимание!");
        await Expect(page.Locator(".slide[data-key=key-figures]")).ToHaveCountAsync(0);

        var deckId = long.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var token = await app.ScalarTextAsync("SELECT ShareToken FROM SavedDecks WHERE Id = $id", ("$id", deckId));

        // A colleague of the same region opens the link and sees the deck.
        using var official = await app.SignedInClientAsync("minobr@demo.local");
        var shared = await DashboardApp.PageTextAsync(official, $"/presentations/shared/{token}");
        Assert.Contains("Вопросы и обсуждение", shared);
        // Someone from another region gets no access and none of its content; nobody but the author may edit it.
        using var curator = await app.SignedInClientAsync("curator@demo.local");
        var refused = await DashboardApp.PageTextAsync(curator, $"/presentations/shared/{token}");
        Assert.Contains("Нет доступа", refused);
        Assert.DoesNotContain("Вопросы и обсуждение", refused);
        Assert.DoesNotContain("Краснодарский край", refused);
        var edit = await DashboardApp.PageTextAsync(official, $"/presentations/{deckId}/edit");
        Assert.Contains("Нет доступа", edit);
        Assert.DoesNotContain("Вопросы и обсуждение", edit);
    }

    [Fact]
    public async Task ThePresenterNamesThemselvesInTheirProfile_AndTheTitleSlideSaysSo()
    {
        var page = await app.SignInAsync("presenter@demo.local", width: 1920, height: 1080);
        await page.GotoAsync($"{app.BaseUrl}/account/profile");
        await page.FillAsync("#profile-name", "");
        await page.ClickAsync("button:has-text('Сохранить')");
        await Expect(page.Locator(".form-error")).ToContainTextAsync("Укажите имя.");

        await page.FillAsync("#profile-name", "Смирнова Ольга Викторовна");
        await page.FillAsync("#profile-position", "Начальник отдела общего образования");
        await page.FillAsync("#profile-workplace", "Министерство образования, науки и молодёжной политики Краснодарского края");
        await page.ClickAsync("button:has-text('Сохранить')");
        await Expect(page.Locator(".form-success")).ToHaveTextAsync("Профиль сохранён.");
        // The app bar reads the name from the renewed sign-in cookie.
        await Expect(page.Locator("header")).ToContainTextAsync("Смирнова Ольга Викторовна");

        await page.GotoAsync($"{app.BaseUrl}/slides?region={await app.RegionIdAsync("krasnodar")}");
        await DashboardApp.WaitForInteractiveAsync(page);
        var title = page.Locator(".slide.is-current");
        await Expect(title.Locator(".slide-presenter")).ToHaveTextAsync("Смирнова Ольга Викторовна");
        await Expect(title.Locator(".slide-presenter-affiliation"))
            .ToHaveTextAsync("Начальник отдела общего образования, Министерство образования, науки и молодёжной политики Краснодарского края");
        await DashboardApp.ScreenshotAsync(page, "57-slide-title-speaker");
    }

    [Fact]
    public async Task AMunicipalHead_FindsTheirOwnMunicipalityMarkedOnTheRanking()
    {
        var page = await app.SignInAsync("anapa@demo.local", width: 1920, height: 1080);
        var region = await app.RegionIdAsync("krasnodar");
        await page.GotoAsync($"{app.BaseUrl}/slides?region={region}");
        await DashboardApp.WaitForInteractiveAsync(page);
        var ranking = await page.Locator(".slide").EvaluateAllAsync<int>("slides => slides.findIndex(s => s.classList.contains('slide--ranking')) + 1");

        await page.GotoAsync($"{app.BaseUrl}/slides?region={region}&slide={ranking}");
        await DashboardApp.WaitForInteractiveAsync(page);

        var own = page.Locator(".slide.is-current .slide-ranking-row.is-own");
        await Expect(own).ToHaveCountAsync(1);
        await Expect(own.Locator(".slide-ranking-name")).ToHaveTextAsync("40город-курорт Анапа");
        await Expect(own.Locator(".slide-ranking-value")).ToHaveTextAsync("75\u00A0%");
        await DashboardApp.ScreenshotAsync(page, "57-slide-ranking-head");
    }

    [Fact]
    public async Task TheDeckDownloadsAsAPptx_OnlyForAViewerOfItsTerritory()
    {
        var tomsk = await app.RegionIdAsync("tomsk");
        using var admin = await app.SignedInClientAsync("admin@demo.local");
        using var response = await admin.GetAsync($"/export/deck?region={tomsk}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Services.Presentation.Pptx.PptxWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Томская-область-01-06-2023.pptx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var pptx = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(22, pptx.PresentationPart!.SlideParts.Count());

        // A municipal head of another region gets no file, whatever the link says.
        using var head = await app.SignedInClientAsync("anapa@demo.local");
        using var refused = await head.GetAsync($"/export/deck?region={tomsk}");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Нет доступа.", await refused.Content.ReadAsStringAsync());
        using var missing = await head.GetAsync("/export/deck");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task AStaticallyRenderedDeck_DisposesWithoutAnError()
    {
        using var client = await app.SignedInClientAsync("admin@demo.local");

        // Prerendered only (no circuit): the deck is rendered and disposed on the server.
        var html = await DashboardApp.PageTextAsync(client, $"/slides?region={await app.RegionIdAsync("tomsk")}");
        // The page's components are disposed after its response. Kestrel finishes a request (its scope disposed) before
        // it reads the next one on the same connection, and the log keeps its order: a warning the next request causes
        // shows the log is written past the deck's disposal.
        const string marker = "The required antiforgery request token was not provided";
        var before = Regex.Count(await app.LogAsync(), marker);
        using var tokenless = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, tokenless.StatusCode);
        for (var giveUp = DateTime.UtcNow.AddSeconds(10); Regex.Count(await app.LogAsync(), marker) == before; await Task.Delay(50))
            Assert.True(DateTime.UtcNow < giveUp, "The tokenless sign-out's warning never reached the log.");

        Assert.Contains("Томская область", html);
        Assert.DoesNotContain("JavaScript interop calls cannot be issued", await app.LogAsync());
    }

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPages();
}
