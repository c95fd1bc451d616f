using Mentoring.Dashboard.Components;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Extensions;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMentoringData(builder.Configuration);
builder.Services.AddMentoringIdentity();
builder.Services.AddMentoringUi();

var app = builder.Build();

await app.InitialiseDatabaseAsync();

app.UseRequestLocalization("ru-RU");
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseMentoringAssets();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
{
    await signIn.SignOutAsync();
    return Results.LocalRedirect("/account/login");
});
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, visible to the browser tests' host.</summary>
public partial class Program;
