using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>Locks an account, so it runs on its own app instance and database.</summary>
public class LockoutTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword_WithoutSayingSo()
    {
        using var client = app.NewClient();
        for (var i = 1; i <= 5; i++)
        {
            var wrong = await DashboardApp.PostLoginAsync(client, "presenter@demo.local", "wrong-password-" + i);
            Assert.Contains(Mentoring.Dashboard.Components.Account.Login.FailedSignIn, System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }

        var right = await DashboardApp.PostLoginAsync(client, "presenter@demo.local", "Demo-2026!");

        // Locked: the right password is refused with the very message an unknown address gets (below).
        Assert.Contains(Mentoring.Dashboard.Components.Account.Login.FailedSignIn, System.Net.WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        Assert.EndsWith("/account/login", right.RequestMessage!.RequestUri!.AbsolutePath);
        var failures = await app.ScalarAsync("SELECT COUNT(*) FROM AuditEntries WHERE Actor = 'presenter@demo.local' AND Action IN ('SignInFailed', 'LockedOut')");
        Assert.Equal(6, failures);
    }

    [Fact]
    public async Task UnknownAddress_GetsTheSameAnswer_AsAWrongPasswordOrALockedAccount()
    {
        using var client = app.NewClient();
        for (var i = 1; i <= 6; i++)
        {
            var answer = await DashboardApp.PostLoginAsync(client, "nobody@demo.local", "wrong-password-" + i);
            var text = System.Net.WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
            Assert.Contains(Mentoring.Dashboard.Components.Account.Login.FailedSignIn, text);
            Assert.DoesNotContain("заблокирована", text);
        }
    }

    [Fact]
    public async Task ALockedAccount_GetsNoDownload_ThoughItsCookieIsStillValid()
    {
        using var head = await app.SignedInClientAsync("anapa@demo.local");
        var url = $"/export/indicators?municipality={await app.MunicipalityIdAsync("город-курорт Анапа")}&campaign={await app.LatestCampaignAsync(await app.RegionIdAsync("krasnodar"))}&format=csv";
        Assert.Equal(System.Net.HttpStatusCode.OK, (await head.GetAsync(url)).StatusCode);

        // Someone locks the account by guessing its password five times; the head's cookie has not been re-checked yet.
        using var guesser = app.NewClient();
        for (var i = 1; i <= 5; i++)
            await DashboardApp.PostLoginAsync(guesser, "anapa@demo.local", "wrong-password-" + i);

        var after = await head.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Empty(await after.Content.ReadAsByteArrayAsync());
    }
}
