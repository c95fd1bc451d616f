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

/// <summary>The campaign page on a real database: what an official reads when an action cannot be saved.</summary>
[Collection(SqliteDatabaseCollection.Name)]
public class CampaignPageTests(SqliteSeededDatabase database) : DashboardTestContext
{
    [Fact]
    public async Task ClosingOnABusyDatabase_SaysNothingChanged_AndKeepsTheRoundCollecting()
    {
        var (campaign, _, _) = await CollectingCampaignAsync(database);
        Services.AddSingleton(database.CampaignsAs(TestUsers.For(Roles.Administrator), ImpatientFactory(database)));
        Services.AddSingleton<IFigureChangeFeed>(new InProcessFigureChangeFeed(Microsoft.Extensions.Logging.Abstractions.NullLogger<InProcessFigureChangeFeed>.Instance));
        Services.AddSingleton(new UserClock(new HttpContextAccessor(), new ConfigurationBuilder().Build(), TimeProvider.System));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var page = Render<CampaignPage>(p => p.Add(c => c.Id, campaign));
        page.WaitForElement("#campaign-close");

        await using (await HoldWriteLockAsync(database))
            await page.Find("#campaign-close").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(DatabaseBusy.ActionMessage, page.Find("#campaign-refusal").TextContent));
        Assert.Contains("идёт сбор", page.Find(".page-heading").TextContent);
        Assert.NotNull(page.Find("#campaign-close"));
    }
}
