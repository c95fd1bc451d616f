using Microsoft.Playwright;

namespace Mentoring.Bench;

public sealed record CircuitResult(string Page, int Pages, double BaselineMiB, double LoadedMiB)
{
    public double PerCircuitMiB => (LoadedMiB - BaselineMiB) / Pages;
}

/// <summary>
/// Server memory per idle interactive page: a fresh app process, one signed-in Chromium context, N pages opened and
/// left idle once their circuits are live; the server's resident memory minus its baseline, divided by N. Each page
/// kind gets its own process, because Blazor keeps closed circuits for a while.
/// </summary>
public static class CircuitBenchmarks
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-renderer-backgrounding", "--disable-background-timer-throttling"];

    public static async Task<CircuitResult> MeasureAsync(string databaseTemplate, string label, string path, int pages)
    {
        var database = await BenchDatabase.CopyAsync(BenchDatabase.Sqlite(databaseTemplate));
        var (app, _) = await AppProcess.StartAsync(database);
        await using (app)
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
            var context = await browser.NewContextAsync(new() { Locale = "ru-RU" });
            var first = await context.NewPageAsync();
            await SignInAsync(first, app.BaseUrl);
            // Warm up: the page's code paths and caches are loaded before the baseline.
            await OpenAsync(first, app.BaseUrl + path);
            await first.GotoAsync("about:blank");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var baseline = app.ResidentMiB();

            for (var i = 0; i < pages; i++)
            {
                var page = await context.NewPageAsync();
                await OpenAsync(page, app.BaseUrl + path);
                if ((i + 1) % 20 == 0)
                    Console.Write($"\r  {label}: {i + 1} из {pages} страниц");
            }
            Console.WriteLine();
            await Task.Delay(TimeSpan.FromSeconds(5));
            var loaded = app.ResidentMiB();
            await BenchDatabase.DeleteAsync(database);
            return new CircuitResult(label, pages, baseline, loaded);
        }
    }

    public static async Task SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#email", "admin@demo.local");
        await page.FillAsync("#password", Mentoring.Dashboard.Data.DatabaseInitializer.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/");
    }

    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator(".app-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
    }
}
