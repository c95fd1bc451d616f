using Bunit;
using Mentoring.Dashboard.Components.Pages.Intake;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Mentoring.Dashboard.Tests.Intake.IntakeTestData;

namespace Mentoring.Dashboard.Tests.Components;

/// <summary>
/// The campaign page on a real database of its own (these tests close rounds, which the shared database must not see):
/// what an official reads before closing, when an action cannot be saved, and who may reopen.
/// </summary>
public class CampaignPageTests(SqliteSeededDatabase database) : DashboardTestContext, IClassFixture<SqliteSeededDatabase>
{
    [Fact]
    public async Task Closing_FirstSaysWhatIsMissing_ByMunicipality_ThenClosesTheRoundAsPartial_AndTheAuditLogSaysSo()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        Assert.IsType<Services.Intake.SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));
        var page = RenderAs(TestUsers.For(Roles.Administrator), campaign);

        await page.Find("#campaign-close").ClickAsync(new());

        var confirm = page.Find("#campaign-close-confirm");
        Assert.Equal("Закрыть мониторинг неполным?", confirm.QuerySelector("h2")!.TextContent);
        Assert.Equal("Сдали 1 из 127 организаций. Не сдали 126: заполняют 0 (их черновики в показатели не попадут), не приступили 126.",
            Normalise(confirm.QuerySelectorAll("p")[0].TextContent));
        // The municipality with the most missing first: the city, 126 of its 127 (the demo region's schools are all in it).
        Assert.Equal("город Красноярск — не сдали 126 из 127", Normalise(confirm.QuerySelector(".close-lagging li")!.TextContent));
        Assert.Contains("идёт сбор", page.Find(".page-heading").TextContent); // nothing changed yet

        await page.Find("#campaign-close-confirmed").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("закрыт", page.Find(".campaign-state").TextContent));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Contains("Сбор данных завершён, мониторинг закрыт неполным: сдали 1 из 127, не сдали 126",
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.AuditEntries.Select(e => e.Details)));
    }

    [Fact]
    public async Task AnAdministratorReopensAClosedRound_AfterAConfirmation_ARegionsOfficialCannot()
    {
        var (campaign, region, _) = await CollectingCampaignAsync(database);
        Assert.Null(await database.CampaignsAs(Admin).CloseAsync(campaign));

        // The region's official manages the round but may not reopen it: no button, and the server refuses.
        var official = database.CampaignsAs(TestUsers.For(Roles.RegionalOfficial, region));
        Assert.Equal((true, false), ((await official.GetAsync(campaign)).MayManage, (await official.GetAsync(campaign)).MayReopen));
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => official.ReopenAsync(campaign));

        var page = RenderAs(TestUsers.For(Roles.Administrator), campaign);
        await page.Find("#campaign-reopen").ClickAsync(new());
        Assert.Equal("Открыть сбор снова?", page.Find("#campaign-reopen-confirm h2").TextContent);
        await page.Find("#campaign-reopen-confirmed").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("идёт сбор", page.Find(".page-heading").TextContent));
        Assert.NotNull(page.Find("#campaign-close"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Contains("Мониторинг открыт снова: сбор данных возобновлён",
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.AuditEntries.Select(e => e.Details)));
    }

    [Fact]
    public async Task ARoundFromAPublishedReport_SaysSo_InsteadOfCountingSubmissions()
    {
        var published = await database.CampaignIdAsync("krasnoyarsk", new DateOnly(2023, 5, 15));

        var page = RenderAs(TestUsers.For(Roles.Administrator), published);

        Assert.StartsWith("Этот мониторинг загружен из опубликованного отчёта («", Normalise(page.Find("#campaign-published p").TextContent));
        Assert.Empty(page.FindAll(".progress-table"));
        Assert.Empty(page.FindAll("#campaign-reopen")); // it was never collected, so it cannot collect again
    }

    [Fact]
    public async Task AMunicipalHead_SeesEveryMunicipalitysProgress_ButOnlyTheirOwnAsALink()
    {
        var region = await database.RegionIdAsync("krasnodar");
        var anapa = await database.MunicipalityIdAsync("город-курорт Анапа");
        var admin = database.CampaignsAs(Admin);
        var (campaign, problems) = await admin.OpenAsync(new Services.Intake.OpenCampaignRequest(region, "Мониторинг ЦМН (тест)", new DateOnly(2025, 9, 9),
            new[] { Mentoring.Domain.Indicators.IndicatorCatalogue.YoungTeachersMentees }));
        Assert.Empty(problems);
        Assert.Null(await admin.StartCollectingAsync(campaign!.Value));

        var page = RenderAs(TestUsers.For(Roles.MunicipalHead, region, anapa), campaign.Value);

        var rows = page.FindAll(".progress-table tbody tr");
        Assert.True(rows.Count > 1, $"{rows.Count} rows");
        var links = page.FindAll(".progress-table tbody a");
        Assert.Equal($"campaigns/{campaign}/municipalities/{anapa}", Assert.Single(links).GetAttribute("href"));
    }

    [Fact]
    public async Task AnAdministratorSetsADeadline_WithinItsBounds_AndThePageSaysWhenItHasPassed()
    {
        var (campaign, region, _) = await CollectingCampaignAsync(database);
        var admin = database.CampaignsAs(TestUsers.For(Roles.Administrator));
        var asOf = (await admin.GetAsync(campaign)).AsOf;
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() =>
            database.CampaignsAs(TestUsers.For(Roles.RegionalOfficial, region)).SetDeadlineAsync(campaign, asOf.AddDays(10)));
        Assert.Equal($"Срок сдачи — от {Format.Date(asOf)} (дата «по состоянию на») до {Format.Date(asOf.AddYears(1))}.",
            await admin.SetDeadlineAsync(campaign, asOf.AddDays(-1)));

        // Ten days after the «по состоянию на» date, seen the day after: passed, with every report still missing.
        var page = RenderAs(TestUsers.For(Roles.Administrator), campaign, today: asOf.AddDays(11));
        page.Find("#campaign-deadline").Change(asOf.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Find("#campaign-deadline-save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal($" · срок сдачи — {Format.Date(asOf.AddDays(10))}, прошёл", page.Find("#campaign-deadline-shown").TextContent));
        Assert.Equal(asOf.AddDays(10), (await admin.GetAsync(campaign)).Deadline);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Contains($"Срок сдачи данных: {Format.Date(asOf.AddDays(10))}",
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.AuditEntries.Select(e => e.Details)));
    }

    private IRenderedComponent<CampaignPage> RenderAs(System.Security.Claims.ClaimsPrincipal user, int campaign, DateOnly? today = null)
    {
        Services.AddSingleton(database.CampaignsAs(user));
        Services.AddSingleton<IFigureChangeFeed>(new InProcessFigureChangeFeed(Microsoft.Extensions.Logging.Abstractions.NullLogger<InProcessFigureChangeFeed>.Instance));
        var clock = today is { } day ? new Data.ManualClock { Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) } : (TimeProvider)TimeProvider.System;
        Services.AddSingleton(new UserClock(new HttpContextAccessor(), new ConfigurationBuilder().Build(), clock));
        Services.AddSingleton(database.GuardAs(user));
        AddPageModels();
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var page = Render<CampaignPage>(p => p.Add(c => c.Id, campaign));
        page.WaitForElement(".page-heading");
        return page;
    }

    /// <summary>The page's shared model, kept current by the feed the services announce their changes to, as in the app.</summary>
    private void AddPageModels()
    {
        Services.AddSingleton(new SharedFigures(database.Feed));
        Services.AddScoped<Mentoring.Dashboard.Model.CampaignPageModels>();
    }

    private static string Normalise(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public async Task ClosingOnABusyDatabase_SaysNothingChanged_AndKeepsTheRoundCollecting()
    {
        var (campaign, _, _) = await CollectingCampaignAsync(database);
        Services.AddSingleton(database.CampaignsAs(TestUsers.For(Roles.Administrator), ImpatientFactory(database)));
        Services.AddSingleton(database.GuardAs(TestUsers.For(Roles.Administrator)));
        Services.AddSingleton<IFigureChangeFeed>(new InProcessFigureChangeFeed(Microsoft.Extensions.Logging.Abstractions.NullLogger<InProcessFigureChangeFeed>.Instance));
        Services.AddSingleton(new UserClock(new HttpContextAccessor(), new ConfigurationBuilder().Build(), TimeProvider.System));
        AddPageModels();
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var page = Render<CampaignPage>(p => p.Add(c => c.Id, campaign));
        page.WaitForElement("#campaign-close");

        await page.Find("#campaign-close").ClickAsync(new());
        await using (await HoldWriteLockAsync(database))
            await page.Find("#campaign-close-confirmed").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(DatabaseBusy.ActionMessage, page.Find("#campaign-refusal").TextContent));
        Assert.Contains("идёт сбор", page.Find(".page-heading").TextContent);
        Assert.NotNull(page.Find("#campaign-close"));
    }
}
