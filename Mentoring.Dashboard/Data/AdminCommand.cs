using Mentoring.Dashboard.Security;
using Microsoft.AspNetCore.Identity;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// `create-admin EMAIL`: creates (or re-enables) an administrator outside Development, where no demo account exists.
/// The password is read from the MENTORING_ADMIN_PASSWORD environment variable or, if unset, from standard input,
/// so it never appears in the shell history or the process list.
/// </summary>
public static class AdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Использование: create-admin <email>  (пароль — в MENTORING_ADMIN_PASSWORD или на стандартном вводе)");
            return 2;
        }
        var email = args[1];
        var password = Environment.GetEnvironmentVariable("MENTORING_ADMIN_PASSWORD") ?? Console.ReadLine() ?? "";

        await app.InitialiseDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Администратор" };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, password);
            await users.SetLockoutEndDateAsync(user, null);
        }
        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Administrator))
            result = await users.AddToRoleAsync(user, Roles.Administrator);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("Не удалось создать администратора: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Администратор {email} готов.");
        return 0;
    }
}
