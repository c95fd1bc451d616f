using System.Net;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>What a security reviewer tries over plain HTTP against the running app, with each demo role.</summary>
[Collection(DashboardAppCollection.Name)]
public class HttpSecurityTests(DashboardApp app)
{
    [Fact]
    public async Task Pages_AllowConnectionsOnlyToThisSite_AndExportsAreNeverCached()
    {
        using var client = await app.SignedInClientAsync("minobr@demo.local");

        var page = await client.GetAsync("/");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self';", policy);
        Assert.DoesNotContain("ws:", policy);
        var export = await client.GetAsync($"/export/plan?region={await app.RegionIdAsync("krasnodar")}&format=csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("no-store", export.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ForgedLoginPost_WithoutAntiforgeryToken_IsRejected()
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = "admin@demo.local", ["Input.Password"] = "Demo-2026!",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // No sign-in cookie was issued, so the next request is still anonymous and sent to the sign-in page.
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == ".AspNetCore.Identity.Application");
        var next = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Found, next.StatusCode);
        Assert.StartsWith("/account/login", next.Headers.Location!.IsAbsoluteUri ? next.Headers.Location.PathAndQuery : next.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task ForgedLogoutPost_FromASignedInUser_WithoutToken_IsRejected()
    {
        using var client = await app.SignedInClientAsync("minobr@demo.local");

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Still signed in: the forged post changed nothing.
        Assert.Contains("Краснодарский край", await DashboardApp.PageTextAsync(client, "/"));
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        using var client = app.NewClient();

        var response = await client.GetAsync("/account/login");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnly()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var raw = new HttpClient(handler) { BaseAddress = new Uri(app.BaseUrl) };

        var response = await DashboardApp.PostLoginAsync(raw, "minobr@demo.local", "Demo-2026!");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string> OutOfScope() => new()
    {
        // account, page kind (resolved to an id of a territory outside the account's scope)
        { "minobr@demo.local", "other region" },
        { "minobr@demo.local", "other region's school" },
        { "anapa@demo.local", "other region" },
        { "anapa@demo.local", "other municipality's school" },
        { "anapa@demo.local", "other region's school" },
        { "curator@demo.local", "other school of its city" },
        { "curator@demo.local", "other region" },
        { "curator@demo.local", "other region's school" },
        { "presenter@demo.local", "other region's school" },
    };

    [Theory]
    [MemberData(nameof(OutOfScope))]
    public async Task PageOutsideTheScope_AnswersNoAccess_AndLeaksNoNamesOrFigures(string account, string target)
    {
        using var client = await app.SignedInClientAsync(account);
        var (url, secrets) = target switch
        {
            "other region" when account == "curator@demo.local" => ($"/regions/{await app.RegionIdAsync("krasnodar")}", new[] { "Краснодарский край", "Анапа", "1\u00A0007" }),
            "other region" => ($"/regions/{await app.RegionIdAsync("krasnoyarsk")}", new[] { "Красноярский край", "Красноярск", "79,8\u00A0%" }),
            "other region's school" when account == "curator@demo.local" => ($"/organisations/{await app.OrganisationIdAsync("МАОУ «КШ»")}", new[] { "МАОУ «КШ»", "Анапа" }),
            "other region's school" => ($"/organisations/{await app.OrganisationIdAsync("СШ № 50")}", new[] { "СШ № 50", "Красноярск" }),
            "other municipality's school" => ($"/organisations/{await app.ScalarAsync("SELECT o.Id FROM Organisations o JOIN Municipalities m ON m.Id = o.MunicipalityId WHERE m.Name = 'город Армавир' LIMIT 1")}", new[] { "Армавир", "Школа № 1 (демо)" }),
            "other school of its city" => ($"/organisations/{await app.OrganisationIdAsync("СШ № 32")}", new[] { "СШ № 32" }),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };

        var html = await DashboardApp.PageTextAsync(client, url);

        Assert.Contains("Нет доступа", html);
        Assert.DoesNotContain("kpi-card", html);
        Assert.DoesNotContain("indicator-table", html);
        foreach (var secret in secrets)
            Assert.DoesNotContain(secret, html);
    }

    // account, page, what must not appear (names and figures of the territory; the page's data markup).
    private const string Krasnoyarsk = "Гимназия № 10|Спектр|3 + 72 + 30|89,2|conclusions|recommendations|quality-table";

    public static TheoryData<string, string, string> AnalysisPagesOutOfScope() => new()
    {
        { "minobr@demo.local", "/regions/{krasnoyarsk}/report", "СШ № 50|" + Krasnoyarsk },
        { "minobr@demo.local", "/regions/{krasnoyarsk}/dynamics", "СШ № 50|dynamics-table|" + Krasnoyarsk },
        { "minobr@demo.local", "/regions/{krasnoyarsk}/quality", "СШ № 50|" + Krasnoyarsk },
        { "minobr@demo.local", "/regions/{krasnoyarsk}/plan", "СШ № 50|plan-table|" + Krasnoyarsk },
        { "minobr@demo.local", "/municipalities/{krasnoyarsk-city}/report", "СШ № 50|" + Krasnoyarsk },
        { "anapa@demo.local", "/municipalities/{krasnoyarsk-city}/report", "СШ № 50|" + Krasnoyarsk },
        { "curator@demo.local", "/regions/{krasnodar}/report", "Краснодарский край|Анапа|Белоглинский|conclusions" },
        { "curator@demo.local", "/regions/{krasnoyarsk}/quality", Krasnoyarsk },
        { "presenter@demo.local", "/regions/{krasnoyarsk}/report", "СШ № 50|" + Krasnoyarsk },
        // Data intake pages of another territory's campaign.
        { "minobr@demo.local", "/campaigns/{krasnoyarsk-campaign}", "Красноярск|progress-table" },
        { "minobr@demo.local", "/campaigns/{krasnoyarsk-campaign}/municipalities/{krasnoyarsk-city}", "СШ № 50|Красноярск|submission-state" },
        { "minobr@demo.local", "/campaigns/{krasnoyarsk-campaign}/organisations/{school-50}", "СШ № 50|Красноярск|report-field" },
        { "anapa@demo.local", "/campaigns/{krasnoyarsk-campaign}/organisations/{school-50}", "СШ № 50|Красноярск|report-field" },
        { "presenter@demo.local", "/campaigns/{krasnoyarsk-campaign}/organisations/{school-50}", "СШ № 50|Красноярск|report-field" },
        { "curator@demo.local", "/campaigns/{krasnoyarsk-campaign}", "progress-table|Организаций" },
        { "curator@demo.local", "/campaigns/{krasnoyarsk-campaign}/municipalities/{krasnoyarsk-city}", "СШ № 32|Гимназия № 10|submission-state" },
        { "curator@demo.local", "/campaigns/{krasnoyarsk-campaign}/organisations/{school-32}", "СШ № 32|report-field" },
    };

    [Theory]
    [MemberData(nameof(AnalysisPagesOutOfScope))]
    public async Task AnalysisPageOutsideTheScope_AnswersNoAccess_AndLeaksNoNamesOrFigures(string account, string template, string secrets)
    {
        using var client = await app.SignedInClientAsync(account);
        var url = await app.UrlAsync(template);

        var html = await DashboardApp.PageTextAsync(client, url);

        Assert.Contains("Нет доступа", html);
        foreach (var secret in secrets.Split('|'))
            Assert.DoesNotContain(secret, html);
    }

    [Fact]
    public async Task IntakeSpreadsheet_IsScoped_ACuratorGetsOnlyTheirOwnRow()
    {
        var url = $"/export/intake?campaign={await app.LatestCampaignAsync(await app.RegionIdAsync("krasnoyarsk"))}&municipality={await app.MunicipalityIdAsync("город Красноярск")}&format=csv";
        using var official = await app.SignedInClientAsync("minobr@demo.local");
        using var curator = await app.SignedInClientAsync("curator@demo.local");

        var denied = await official.GetAsync(url);
        var own = await curator.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.DoesNotContain("СШ", await denied.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var rows = (await own.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length); // the header and the curator's school
        Assert.Contains("СШ № 50", rows[1]);
    }

    [Fact]
    public async Task MunicipalHead_SeesAnotherMunicipalityOnlyAsAggregates_WithoutItsOrganisations()
    {
        using var client = await app.SignedInClientAsync("anapa@demo.local");

        var html = await DashboardApp.PageTextAsync(client, $"/municipalities/{await app.MunicipalityIdAsync("город Армавир")}");

        Assert.Contains("город Армавир", html);
        Assert.Contains("kpi-card", html);
        Assert.DoesNotContain("organisation-link", html);
        Assert.DoesNotContain("Школа № 1 (демо)", html);
        Assert.Contains("Данные отдельных организаций этого муниципалитета вам недоступны", html);
    }

    [Fact]
    public async Task AdminPages_AreDeniedToEveryOtherRole()
    {
        foreach (var account in new[] { "minobr@demo.local", "anapa@demo.local", "curator@demo.local", "presenter@demo.local" })
        {
            using var client = await app.SignedInClientAsync(account);
            foreach (var page in new[] { "/admin/users", "/admin/audit", "/admin/plans", $"/admin/plans?region={await app.RegionIdAsync("tomsk")}" })
            {
                var html = await DashboardApp.PageTextAsync(client, page);
                Assert.Contains("Нет доступа", html);
                Assert.DoesNotContain("admin@demo.local", html);
            }
        }
    }
}
