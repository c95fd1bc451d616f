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
        await DashboardApp.ScreenshotAsync(page, "52-slide-plan-forms");
        await page.Keyboard.PressAsync("ArrowRight");

        var fourth = page.Locator(".slide.is-current");
        await Expect(fourth.Locator("h2")).ToHaveTextAsync("Показатели региональной программы: план и факт до 2024 года");
        await Expect(fourth.Locator("tr[data-indicator=TP_STU_DOP]")).ToContainTextAsync("38,44\u00A0%");
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync(new Regex(@"^4 / \d+$"));
        await DashboardApp.ScreenshotAsync(page, "53-slide-plan-programme");

        await page.Keyboard.PressAsync("End");
        await DashboardApp.ScreenshotAsync(page, "54-slide-last");
        await page.Keyboard.PressAsync("Home");
        await Expect(page.Locator(".slide-counter")).ToHaveTextAsync(new Regex(@"^1 / \d+$"));
    }

    [Theory]
    [InlineData("tomsk", 20)]
    [InlineData("krasnodar", 12)]
    [InlineData("kuzbass", 10)]
    public async Task EverySlide_FitsItsPage(string region, int slides)
    {
        var page = await app.SignInAsync("admin@demo.local", width: 1920, height: 1080);
        await page.GotoAsync($"{app.BaseUrl}/slides?region={await app.RegionIdAsync(region)}");
        await DashboardApp.WaitForInteractiveAsync(page);
        await page.Locator(".slide-show").FocusAsync();
        var count = await page.Locator(".slide").CountAsync();
        Assert.Equal(slides, count); // a deck with no slides would pass the loop below unchecked

        for (var i = 1; i <= count; i++)
        {
            await Expect(page.Locator(".slide-counter")).ToHaveTextAsync($"{i} / {count}");
            var current = page.Locator(".slide.is-current");
            var title = await current.GetAttributeAsync("aria-label");
            // Nothing cut off: the body's content is no taller than the body.
            var overflow = await current.EvaluateAsync<bool>("s => { const b = s.querySelector('.slide-body'); return !!b && b.scrollHeight > b.clientHeight + 1; }");
            await DashboardApp.ScreenshotAsync(page, $"55-{region}-slide-{i:00}");
            Assert.False(overflow, $"{region}: «{title}» does not fit its slide.");
            await page.Keyboard.PressAsync("ArrowRight");
        }
    }

    [Fact]
    public async Task PrintedDeck_HasOnePagePerVisibleSlide()
    {
        var page = await OpenTomskDeckAsync();
        var visible = await page.Locator(".slide").CountAsync();

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });

        Assert.Equal(visible, PdfPages().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count);
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

        var deckId = long.Parse(page.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
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
    public async Task AStaticallyRenderedDeck_DisposesWithoutAnError()
    {
        using var client = await app.SignedInClientAsync("admin@demo.local");

        // Prerendered only (no circuit): the deck is rendered and disposed on the server.
        var html = await DashboardApp.PageTextAsync(client, $"/slides?region={await app.RegionIdAsync("tomsk")}");
        await Task.Delay(500); // the log is written as the response completes

        Assert.Contains("Томская область", html);
        Assert.DoesNotContain("JavaScript interop calls cannot be issued", await app.LogAsync());
    }

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPages();
}
