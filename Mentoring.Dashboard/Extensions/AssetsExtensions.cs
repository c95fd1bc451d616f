using Microsoft.Extensions.FileProviders;

namespace Mentoring.Dashboard.Extensions;

public static class AssetsExtensions
{
    /// <summary>
    /// Serves the front-end asset sources (theme CSS, logo, images) from the repository's wwwroot-assets folder, which
    /// the build copies next to the app, under /assets. Kept apart from MudBlazor's and Blazor's framework assets.
    /// </summary>
    public static IApplicationBuilder UseMentoringAssets(this IApplicationBuilder app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/assets",
        });
    }
}
