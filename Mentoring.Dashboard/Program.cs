using Mentoring.Dashboard.Components;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Extensions;
using Mentoring.Dashboard.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
// Port 5080 unless ASPNETCORE_URLS, --urls or a Urls setting says otherwise (a launch profile's URL would override them all).
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://localhost:5080");

builder.Services.AddMentoringData(builder.Configuration);
builder.Services.AddMentoringIdentity(builder.Environment);
builder.Services.AddMentoringUi();

var app = builder.Build();

if (args.FirstOrDefault() == AdminCommand.Name)
    return await AdminCommand.RunAsync(app, args);

var databaseFilled = await app.BeginInitialisingDatabaseAsync();

app.UseRequestLocalization("ru-RU");
// The developer exception page only under a debugger: the demo deployment runs in Development too, and its users
// must see a Russian page (and a database outage as one) rather than a stack trace.
if (!System.Diagnostics.Debugger.IsAttached)
    app.UseExceptionHandler("/error", createScopeForErrors: true);
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseSecurityHeaders();
app.UseMentoringAssets();
app.UseAntiforgery();
app.UseStartupGate(databaseFilled);

app.MapStaticAssets().WithMetadata(new ServedWhileStartingAttribute());
app.MapMentoringHealth();
app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn, AuditLog audit) =>
{
    // The antiforgery middleware only records its verdict; an endpoint that binds no form has to act on it itself.
    if (!await antiforgery.IsRequestValidAsync(context))
        return Results.BadRequest();
    // Signed out first: the cookie goes whatever the database does; the audit entry is the part that may fail.
    var name = context.User.Identity?.Name ?? "";
    await signIn.SignOutAsync();
    try
    {
        await audit.WriteAsync(AuditActions.SignOut, name);
    }
    catch (Exception e) when (DatabaseOutage.IsTemporary(e))
    {
        app.Logger.LogWarning("Sign-out of {User} not written to the audit log: {Reason}", name, e.Message);
    }
    return Results.LocalRedirect("/account/login");
})
.RequireAuthorization();
app.MapExports();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return databaseFilled.IsFaulted ? 1 : 0;

/// <summary>Entry point, visible to the browser tests' host.</summary>
public partial class Program;
