using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;

namespace Mentoring.Dashboard.Extensions;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The configured database (SQLite or PostgreSQL) through a context factory: Blazor Server circuits are long-lived
    /// and a shared scoped DbContext is not thread-safe, so every operation creates its own context.
    /// </summary>
    public static IServiceCollection AddMentoringData(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.From(configuration);
        services.AddSingleton(database);
        services.AddSingleton(MentoringDatabase.Factory(database));
        services.AddSingleton<DatabaseProbe>();
        // Keys in the database: a sign-in cookie issued by one instance is read by every other one.
        services.AddDataProtection().SetApplicationName("Mentoring.Dashboard").PersistKeysToDbContext<MentoringDbContext>();
        // Identity's stores take a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MentoringDbContext>>().CreateDbContext());
        services.AddScoped<ScopedDbContextFactory>();
        services.AddScoped<MonitoringQueries>();
        services.AddScoped<TerritoryGuard>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Services.Analytics.PlanProgress>();
        services.AddScoped<Services.Analytics.TargetOutlook>();
        services.AddScoped<Model.RegionPageModels>();
        services.AddScoped<Model.CampaignPageModels>();
        services.AddScoped<Services.Analytics.PeerStandings>();
        services.AddScoped<Services.Analytics.VisitChanges>();
        services.AddScoped<Services.Analytics.CampaignDynamics>();
        services.AddScoped<Services.Analytics.DataQuality>();
        services.AddScoped<Services.Analytics.Conclusions>();
        services.AddScoped<Services.Analytics.Recommendations>();
        services.AddScoped<Services.Presentation.DeckBuilder>();
        services.AddScoped<Services.Presentation.DeckStore>();
        services.AddScoped<Services.Presentation.DeckLoader>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PlanAdministration>();
        services.AddScoped<Services.Intake.CampaignAdministration>();
        services.AddScoped<Services.Intake.OrganisationReports>();
        services.AddScoped<Services.Intake.SpreadsheetImport>();
        services.AddSingleton<Services.Intake.ImportSlots>();
        services.AddScoped<Services.Intake.IntakeWorkbook>();
        services.AddScoped<Services.Export.DashboardTables>();
        services.AddSingleton(new AssetUrls(AssetsExtensions.Folder));
        services.AddScoped<UserClock>();
        services.AddScoped<Theme.ThemeChoice>();
        services.AddSingleton<Services.Live.FaultInjection>();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<Services.Live.PostgreSqlFigureChangeFeed>();
            services.AddSingleton<Services.Live.IFigureChangeFeed>(sp => sp.GetRequiredService<Services.Live.PostgreSqlFigureChangeFeed>());
            services.AddHostedService(sp => sp.GetRequiredService<Services.Live.PostgreSqlFigureChangeFeed>());
        }
        else
        {
            services.AddSingleton<Services.Live.IFigureChangeFeed, Services.Live.InProcessFigureChangeFeed>();
        }
        services.AddSingleton<Services.Live.SharedFigures>();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks()
            .AddDbContextCheck<MentoringDbContext>("database")
            .AddCheck<Services.Live.FigureChangeFeedHealthCheck>("feed");
        return services;
    }

    public static IServiceCollection AddMentoringIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<MentoringDbContext>()
            .AddClaimsPrincipalFactory<ApplicationClaimsFactory>()
            .AddErrorDescriber<RussianIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Development runs on plain http://localhost; everywhere else the cookie travels only over HTTPS.
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // Role or territory changes and locks (which renew the security stamp) reach open sessions within a minute
        // (Identity:RecheckInterval; the outage tests shorten it). Cookies and open circuits check at the same interval.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((options, configuration) =>
            options.ValidationInterval = configuration.GetValue("Identity:RecheckInterval", TimeSpan.FromMinutes(1)));
        services.AddScoped<ISecurityStampValidator, TolerantSecurityStampValidator>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<IAuthorizationHandler, TerritoryAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator));
        return services;
    }

    public static IServiceCollection AddMentoringUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // MudBlazor's own texts (pager, filters, dialogs) in Russian.
        services.AddTransient<MudLocalizer, Theme.RussianMudLocalizer>();
        services.AddSingleton(Theme.DashboardTheme.Load(Theme.DashboardTheme.DefaultPath));
        return services;
    }
}
