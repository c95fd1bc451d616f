using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mentoring.Dashboard.Tests.Browser;

/// <summary>What a reader sees of a figure's origin: on a slide, a chart, a card, and after a round closed half-filled.</summary>
[Collection(DashboardAppCollection.Name)]
public class OriginMarksTests(DashboardApp app)
{
    [Fact]
    public async Task TheTomskRankingSlide_SaysItsExtremesAreGenerated_InItsHeadline()
    {
        var page = await app.SignInAsync("admin@demo.local", width: 1920, height: 1080);
        await page.GotoAsync($"{app.BaseUrl}/slides?region={await app.RegionIdAsync("tomsk")}&slide=5");
        await DashboardApp.WaitForInteractiveAsync(page);

        var slide = page.Locator(".slide.is-current");
        await Expect(slide.Locator("h2")).ToHaveTextAsync(
            "Выше всех — Тегульдетский район: 100\u00A0% (демо); ниже всех — Городской округ Кедровый: 33,3\u00A0% (демо)");
        await DashboardApp.ScreenshotAsync(page, "80-origin-slide-ranking");
    }

    [Fact]
    public async Task TheRegionPage_MarksGeneratedValues_OnCardsAndChart_AndExplainsTheMark()
    {
        foreach (var (width, name) in new[] { (1600, "81-origin-region-desktop"), (390, "82-origin-region-phone") })
        {
            var page = await app.SignInAsync("minobr@demo.local", width: width, height: width == 390 ? 844 : 1000);
            // «1 007 из 1 287 ОО» reads a published count against a register the generator filled: demo, and ⚠ for 1 007 ≠ 1 080.
            var card = page.Locator(".kpi-card[data-indicator=FORM_TT]");
            await Expect(card.Locator(".demo-badge")).ToHaveTextAsync("демо");
            await Expect(card.Locator(".kpi-warning")).ToContainTextAsync("Опубликовано 1\u00A0007 ОО, по данным нижестоящего уровня 1\u00A0080 ОО");
            await Expect(page.Locator(".chart-footnote").First).ToHaveTextAsync("* значение по демонстрационным (сгенерированным) данным");
            Assert.Empty(await DashboardApp.SidewaysOverflowAsync(page));
            await DashboardApp.ScreenshotAsync(page, name);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ARoundClosedHalfFilled_ReadsAsPartial_AndItsCardsSayWhyNothingIsCompared()
    {
        var campaign = await app.OpenCampaignAsync(new DateOnly(2026, 10, 5));
        try
        {
            await CloseHalfFilledAsync(campaign);
        }
        finally
        {
            // A closed round would become the region's latest for the other browser tests: it goes again.
            await app.WriteAsync("""DELETE FROM "Observations" WHERE "CampaignId" = @c""", ("c", campaign));
            await app.WriteAsync("""DELETE FROM "Submissions" WHERE "CampaignId" = @c""", ("c", campaign));
            await app.WriteAsync("""DELETE FROM "Campaigns" WHERE "Id" = @c""", ("c", campaign));
        }
    }

    private async Task CloseHalfFilledAsync(long campaign)
    {
        var school = await app.OrganisationIdAsync("СШ № 50");
        var admin = await app.SignInAsync("admin@demo.local");
        await admin.GotoAsync($"{app.BaseUrl}/campaigns/{campaign}/organisations/{school}");
        await admin.Locator("#tch_young_mentees-part").WaitForAsync();
        await DashboardApp.WaitForInteractiveAsync(admin);
        await DashboardApp.FillReportFormAsync(admin, young: 10, youngWithMentor: 4);
        await admin.ClickAsync("#report-submit");
        await Expect(admin.Locator("#report-state")).ToHaveTextAsync("✓ сдано", new() { Timeout = 20_000 });
        await admin.GotoAsync($"{app.BaseUrl}/campaigns/{campaign}");
        await DashboardApp.WaitForInteractiveAsync(admin);
        await admin.ClickAsync("#campaign-close");
        await Expect(admin.Locator("#campaign-close-confirm h2")).ToHaveTextAsync("Закрыть мониторинг неполным?");
        await DashboardApp.ScreenshotAsync(admin, "82-close-confirmation");
        // The same question on a phone, in a page of its own: resizing this one there and back reopened the menu, whose
        // slide moved the confirmation under the click (the round stayed open once in CI).
        var phone = await app.SignInAsync("admin@demo.local", width: 390, height: 844);
        await phone.GotoAsync($"{app.BaseUrl}/campaigns/{campaign}");
        await DashboardApp.WaitForInteractiveAsync(phone);
        await phone.ClickAsync("#campaign-close");
        await Expect(phone.Locator("#campaign-close-confirm h2")).ToHaveTextAsync("Закрыть мониторинг неполным?");
        await DashboardApp.ScreenshotAsync(phone, "82-close-confirmation-phone");
        await phone.Context.CloseAsync();
        await admin.ClickAsync("#campaign-close-confirmed");
        await Expect(admin.Locator(".campaign-state")).ToContainTextAsync("закрыт");

        await admin.GotoAsync($"{app.BaseUrl}/regions/{await app.RegionIdAsync("krasnoyarsk")}?campaign={campaign}");
        await DashboardApp.WaitForInteractiveAsync(admin);
        await Expect(admin.Locator("[data-testid=comparison-held-back]")).ToHaveTextAsync(
            "Мониторинг на 05.10.2026 закрыт при неполном сборе (сдали 1 из 127 организаций), поэтому изменения к прошлому мониторингу "
            + "не рассчитываются: недостающие отчёты выглядели бы как снижение.");
        await Expect(admin.Locator(".kpi-card .partial-badge").First).ToHaveTextAsync("неполный сбор");
        await Expect(admin.Locator("[data-testid=kpi-change]")).ToHaveCountAsync(0);
        await DashboardApp.ScreenshotAsync(admin, "83-origin-partial-round");
    }
}
