using System.Security.Claims;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Services.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mentoring.Bench;

/// <summary>
/// The product's services on one database file, as an administrator, wired as the app wires them (the real
/// authorization handler and territory guard), for benchmarks that run in-process.
/// </summary>
public sealed class BenchServices
{
    private sealed class Administrator : ICurrentUser
    {
        private static readonly ClaimsPrincipal User = new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "bench@local"), new Claim(ClaimTypes.Role, Roles.Administrator)], "bench"));

        public Task<ClaimsPrincipal> GetAsync() => Task.FromResult(User);
    }

    public BenchServices(DatabaseSettings database)
    {
        Factory = MentoringDatabase.Factory(database).EveryRegion();
        var authorization = new ServiceCollection().AddLogging().AddAuthorizationCore()
            .AddSingleton<IAuthorizationHandler, TerritoryAuthorizationHandler>().BuildServiceProvider()
            .GetRequiredService<IAuthorizationService>();
        var user = new Administrator();
        User = user;
        var scoped = new ScopedDbContextFactory(Factory, user);
        Guard = new TerritoryGuard(scoped, authorization, user, TimeProvider.System);
        var audit = new AuditLog(Factory, user, new HttpContextAccessor(), TimeProvider.System);
        Feed = new InProcessFigureChangeFeed(NullLogger<InProcessFigureChangeFeed>.Instance);
        Queries = new MonitoringQueries(scoped, Guard, new SharedFigures(Feed));
        Campaigns = new CampaignAdministration(scoped, Guard, audit, TimeProvider.System, Feed);
        Workbook = new IntakeWorkbook(scoped, Guard);
        Import = new SpreadsheetImport(scoped, Guard, Feed, audit, user, TimeProvider.System, new ImportSlots());
    }

    public IDbContextFactory<MentoringDbContext> Factory { get; }

    /// <summary>The administrator every service here acts as.</summary>
    public ICurrentUser User { get; }

    /// <summary>Schools' forms, submitted as the administrator and announced through <paramref name="feed"/>.</summary>
    public OrganisationReports ReportsAnnouncingTo(IFigureChangeFeed feed)
    {
        var scoped = new ScopedDbContextFactory(Factory, User);
        return new OrganisationReports(scoped, Guard, Queries, feed, new AuditLog(Factory, User, new HttpContextAccessor(), TimeProvider.System), User, TimeProvider.System);
    }

    /// <summary>Publishing a change makes the next query compute afresh instead of reusing the shared result.</summary>
    public InProcessFigureChangeFeed Feed { get; }
    public TerritoryGuard Guard { get; }
    public MonitoringQueries Queries { get; }
    public CampaignAdministration Campaigns { get; }
    public IntakeWorkbook Workbook { get; }
    public SpreadsheetImport Import { get; }

    /// <summary>Opens and starts a campaign of the region collecting the given indicators; returns its id.</summary>
    public async Task<int> CollectingCampaignAsync(int regionId, IReadOnlyList<string> indicatorCodes, string title)
    {
        var (id, problems) = await Campaigns.OpenAsync(new OpenCampaignRequest(regionId, title, new DateOnly(2026, 11, 1), indicatorCodes));
        if (id is null)
            throw new InvalidOperationException(string.Join("; ", problems));
        if (await Campaigns.StartCollectingAsync(id.Value) is { } refusal)
            throw new InvalidOperationException(refusal);
        return id.Value;
    }
}
