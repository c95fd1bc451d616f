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
}
