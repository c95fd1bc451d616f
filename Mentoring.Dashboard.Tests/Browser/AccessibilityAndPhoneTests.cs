using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

/// <summary>
/// The pages officials, curators and presenters use most, checked by axe-core (no critical or serious violation) and on
/// a 390×844 phone (nothing scrolls sideways). Own app: the curator form needs a campaign open for collection.
/// </summary>
public class AccessibilityAndPhoneTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "region", "minobr@demo.local", "/regions/{krasnodar}" },
        { "municipality", "minobr@demo.local", "/municipalities/{anapa}" },
        { "neighbour-municipality", "anapa@demo.local", "/municipalities/{armavir}" },
        { "organisation", "curator@demo.local", "/organisations/{school-50}" },
        { "plan", "admin@demo.local", "/regions/{tomsk}/plan" },
        { "slides", "admin@demo.local", "/slides?region={tomsk}" },
        { "presenter-window", "admin@demo.local", "/slides?region={tomsk}&view=presenter&slide=3" },
        { "handout", "admin@demo.local", "/slides?region={tomsk}&view=handout" },
        { "profile", "presenter@demo.local", "/account/profile" },
        { "curator-form", "curator@demo.local", "/campaigns/{open-campaign}/organisations/{school-50}" },
        { "campaigns", "admin@demo.local", "/campaigns" },
        { "campaign", "admin@demo.local", "/campaigns/{open-campaign}" },
        { "campaign-municipality", "admin@demo.local", "/campaigns/{open-campaign}/municipalities/{krasnoyarsk-city}" },
        { "chase", "admin@demo.local", "/campaigns/{open-campaign}/chase" },
        { "dynamics", "admin@demo.local", "/regions/{tomsk}/dynamics" },
        { "quality", "admin@demo.local", "/regions/{krasnoyarsk}/quality" },
        { "report", "minobr@demo.local", "/regions/{krasnodar}/report" },
        { "audit", "admin@demo.local", "/admin/audit" },
        { "users", "admin@demo.local", "/admin/users" },
        { "admin-plans", "admin@demo.local", "/admin/plans" },
        { "presentations", "presenter@demo.local", "/presentations" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousAccessibilityViolations_AndFitsItsWindow(string name, string account, string url)
    {
        var page = await OpenAsync(account, url, width: 1600, height: 1000);

        var violations = await DashboardApp.SeriousAccessibilityViolationsAsync(page);
        // Tooltips, labels and placeholders are Russian: no «Next page» from a component library.
        var english = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')]
              .flatMap(e => ['title', 'aria-label', 'placeholder', 'alt'].map(a => e.getAttribute(a)))
              .filter(v => v && /[A-Za-z][a-z]{2,}/.test(v)) // an English word; «Сохранить SVG» names a format
            """);

        await DashboardApp.ScreenshotAsync(page, $"70-desktop-{name}");
        Assert.Empty(violations);
        Assert.Empty(english);
        Assert.Empty(await DashboardApp.SidewaysOverflowAsync(page));
        Assert.Empty(await DashboardApp.TablesScrollingSidewaysAsync(page));
    }

    [Fact]
    public async Task KeyboardFocus_IsVisible_OnTheGridsLinks()
    {
        var page = await OpenAsync("minobr@demo.local", "/regions/{krasnodar}", width: 1600, height: 1000);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Поиск муниципалитета" }).FocusAsync();

        var focused = "";
        for (var i = 0; i < 20 && focused != "город Краснодар"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("() => document.activeElement.matches('.municipality-link') ? document.activeElement.textContent : ''");
        }

        Assert.Equal("город Краснодар", focused);
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("solid 3px", outline);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_FitsAPhone_WithoutScrollingSideways(string name, string account, string url)
    {
        var page = await OpenAsync(account, url, width: 390, height: 844);

        await DashboardApp.ScreenshotAsync(page, $"71-phone-{name}");
        Assert.Empty(await DashboardApp.SidewaysOverflowAsync(page));
        if (name is not ("slides" or "presenter-window" or "handout"))
        {
            // The menu is a drawer behind the menu button, and the sign-out button stays readable on the app bar.
            await Expect(page.Locator(".app-menu")).Not.ToBeInViewportAsync();
            var colours = await page.Locator(".logout-button").EvaluateAsync<string[]>(
                "b => [getComputedStyle(b).color, getComputedStyle(b.closest('.mud-appbar')).backgroundColor]");
            Assert.Equal(["rgb(255, 255, 255)", "rgb(31, 78, 140)"], colours);
        }
    }

    [Fact]
    public async Task PhoneMenu_OpensFromTheMenuButton()
    {
        var page = await OpenAsync("minobr@demo.local", "/regions/{krasnodar}", width: 390, height: 844);
        // Prerendered open, as a wide screen shows it; on a phone it is closed by the time the page is interactive, so
        // the first tap opens it. (It used to close itself a moment later, and a tap before that toggled it shut.)
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Меню" });
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));

        await menu.ClickAsync();

        await Expect(page.Locator(".app-menu a", new() { HasText = "Мониторинги" })).ToBeInViewportAsync();
        await DashboardApp.ScreenshotAsync(page, "72-phone-menu");
    }

    [Fact]
    public async Task ThemeButton_SwitchesToTheDarkPalette_WhichStaysReadable()
    {
        var page = await OpenAsync("minobr@demo.local", "/regions/{krasnodar}", width: 1600, height: 1000);
        string Background() => "() => getComputedStyle(document.body).backgroundColor";

        Assert.Equal("rgb(243, 245, 248)", await page.EvaluateAsync<string>(Background()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Тёмная тема" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Светлая тема" })).ToBeVisibleAsync();
        Assert.Equal("rgb(21, 25, 31)", await page.EvaluateAsync<string>(Background()));
        await DashboardApp.ScreenshotAsync(page, "73-dark-region");
        Assert.Empty(await DashboardApp.SeriousAccessibilityViolationsAsync(page));

        // Remembered, and dark from the first byte of the next page: the server renders the dark palette itself, so
        // nothing flashes light before the circuit connects.
        await page.WaitForFunctionAsync("() => document.cookie.split('; ').includes('theme=dark')");
        var served = await (await page.Context.APIRequest.GetAsync(page.Url)).TextAsync();
        Assert.Contains("--mud-palette-background: rgba(21,25,31,1);", served, StringComparison.Ordinal);
        await page.ReloadAsync();
        await DashboardApp.WaitForInteractiveAsync(page);
        Assert.Equal("rgb(21, 25, 31)", await page.EvaluateAsync<string>(Background()));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Светлая тема" })).ToBeVisibleAsync();

        // Back to light, likewise remembered (once the choice is written: the page asks the browser to keep it).
        await page.GetByRole(AriaRole.Button, new() { Name = "Светлая тема" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Тёмная тема" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.cookie.split('; ').includes('theme=light')");
        await page.ReloadAsync();
        await DashboardApp.WaitForInteractiveAsync(page);
        Assert.Equal("rgb(243, 245, 248)", await page.EvaluateAsync<string>(Background()));
    }

    private async Task<IPage> OpenAsync(string account, string url, int width, int height)
    {
        if (url.Contains("{open-campaign}", StringComparison.Ordinal))
            url = url.Replace("{open-campaign}", (await OpenCampaignOnceAsync()).ToString(), StringComparison.Ordinal);
        var page = await app.SignInAsync(account, width: width, height: height, bypassCsp: true);
        await page.GotoAsync(app.BaseUrl + await app.UrlAsync(url
            .Replace("{tomsk}", (await app.RegionIdAsync("tomsk")).ToString(), StringComparison.Ordinal)
            .Replace("{anapa}", (await app.MunicipalityIdAsync("город-курорт Анапа")).ToString(), StringComparison.Ordinal)
            .Replace("{armavir}", (await app.MunicipalityIdAsync("город Армавир")).ToString(), StringComparison.Ordinal)));
        // The account pages are plain server-rendered forms: nothing to wait for.
        if (!url.StartsWith("/account/", StringComparison.Ordinal))
            await DashboardApp.WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>A Krasnoyarsk campaign open for collection, dated before the published ones so every other page keeps its data.</summary>
    private async Task<long> OpenCampaignOnceAsync()
    {
        var existing = await app.ScalarAsync("SELECT COUNT(*) FROM Campaigns WHERE AsOf = '2022-01-10'");
        return existing > 0
            ? await app.ScalarAsync("SELECT Id FROM Campaigns WHERE AsOf = '2022-01-10'")
            : await app.OpenCampaignAsync(new DateOnly(2022, 1, 10));
    }
}
