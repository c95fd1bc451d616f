using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>Locks an account, so it runs on its own app instance and database.</summary>
public class LockoutTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        using var client = app.NewClient();
        for (var i = 1; i <= 5; i++)
        {
            var wrong = await DashboardApp.PostLoginAsync(client, "presenter@demo.local", "wrong-password-" + i);
            var text = System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
            // The fifth failure is the one that locks.
            Assert.Contains(i < 5 ? "Неверная электронная почта или пароль." : "Учётная запись временно заблокирована", text);
        }

        var right = await DashboardApp.PostLoginAsync(client, "presenter@demo.local", "Demo-2026!");

        Assert.Contains("Учётная запись временно заблокирована", System.Net.WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        Assert.EndsWith("/account/login", right.RequestMessage!.RequestUri!.AbsolutePath);
        var failures = await app.ScalarAsync("SELECT COUNT(*) FROM AuditEntries WHERE Actor = 'presenter@demo.local' AND Action IN ('SignInFailed', 'LockedOut')");
        Assert.Equal(6, failures);
    }
}
