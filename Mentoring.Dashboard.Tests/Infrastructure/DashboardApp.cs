using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mentoring.Dashboard.Data;
using Microsoft.Playwright;

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real dashboard, started from its build output as a child process on a fresh temporary SQLite database
/// (created and filled with the demo data on first start, as a user's first run), plus Debian's Chromium.
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    private readonly DatabaseSettings database;
    private readonly IReadOnlyDictionary<string, string> settings;
    private Process? process;
    private IPlaywright? playwright;

    public DashboardApp()
        : this(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"mentoring-browser-{Guid.NewGuid():N}.db")}"))
    {
    }

    /// <summary>An instance on a given database: several of them may share one PostgreSQL database.</summary>
    /// <param name="settings">Extra configuration, as environment variables (e.g. Identity__RecheckInterval).</param>
    internal DashboardApp(DatabaseSettings database, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.database = database;
        this.settings = settings ?? new Dictionary<string, string>();
    }


    public string BaseUrl { get; private set; } = "";

    /// <summary>The database this instance runs on (another instance may be started on it).</summary>
    internal DatabaseSettings Database => database;

    /// <summary>Waits until the app's process has ended by itself (a fault-injection hook killed it).</summary>
    public async Task WaitForExitAsync(TimeSpan within)
    {
        if (process is not null)
            await process.WaitForExitAsync().WaitAsync(within);
    }
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(SolutionFolder(), "artifacts", "screenshots");

    /// <summary>The app's warnings and errors (artifacts/logs/dashboard-{port}.log).</summary>
    public string LogPath { get; private set; } = "";

    /// <summary>The app's log so far, read while the app keeps writing it.</summary>
    public async Task<string> LogAsync()
    {
        await using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        await StartProcessAsync(port);

        Directory.CreateDirectory(ScreenshotFolder);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Ends the app's process at once, as a crash or a killed instance would (nothing is flushed or said goodbye).</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        process = null;
    }

    /// <summary>Starts the app again on the same address and database, as a restarted instance (after <see cref="KillAsync"/>).</summary>
    public Task StartAgainAsync()
    {
        restarted = true; // the log goes on in the same file
        return StartProcessAsync(new Uri(BaseUrl).Port);
    }

    private bool restarted;

    private async Task StartProcessAsync(int port)
    {
        var appFolder = AppContext.BaseDirectory.Replace("Mentoring.Dashboard.Tests", "Mentoring.Dashboard", StringComparison.Ordinal);
        var start = new ProcessStartInfo(Path.Combine(appFolder, "Mentoring.Dashboard"))
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = BaseUrl,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__Provider"] = database.Provider.ToString(),
                ["ConnectionStrings__Mentoring"] = database.ConnectionString,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (name, value) in settings)
            start.Environment[name] = value;
        process = Process.Start(start) ?? throw new InvalidOperationException("The dashboard did not start.");
        // The app's warnings and errors go to artifacts/logs, to read when a browser test fails.
        var logFolder = Path.Combine(SolutionFolder(), "artifacts", "logs");
        Directory.CreateDirectory(logFolder);
        LogPath = Path.Combine(logFolder, $"dashboard-{port}.log");
        var log = TextWriter.Synchronized(new StreamWriter(new FileStream(LogPath, restarted ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        await KillAsync();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-shm", path + "-wal" })
                File.Delete(file);
        }
    }

    /// <summary>A new browser context (its own cookies) signed in as the given demo account, on its role's start page.</summary>
    /// <param name="bypassCsp">Only for accessibility checks, which inject axe-core as an inline script.</param>
    /// <param name="baseUrl">Another address of this app, e.g. a proxy in front of it.</param>
    /// <param name="timeZone">The browser's time zone (IANA), else the machine's.</param>
    public async Task<IPage> SignInAsync(string email, string password = Mentoring.Dashboard.Data.DatabaseInitializer.DemoPassword,
        int width = 1600, int height = 1000, bool bypassCsp = false, string? baseUrl = null, string? timeZone = null, bool hasTouch = false)
    {
        baseUrl ??= BaseUrl;
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            HasTouch = hasTouch,
            Locale = "ru-RU",
            BypassCSP = bypassCsp,
            TimezoneId = timeZone,
            ReducedMotion = QuietMotion,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        // Each role has its own start page (administrators: all regions at "/").
        // A minute, not the default 30 s: on 2 cores shared with a whole test run, one sign-in once took longer.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Reads one value from the app's database (ids for URLs typed by hand). Quote names ("Id") to run on PostgreSQL too.</summary>
    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await ExecuteScalarAsync(sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads one text value from the app's database.</summary>
    public async Task<string> ScalarTextAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToString(await ExecuteScalarAsync(sql, parameters), System.Globalization.CultureInfo.InvariantCulture)!;

    /// <summary>Writes to the app's database what no page writes directly (a saved deck to open by its id, say); returns the scalar, if any.</summary>
    public Task<object?> WriteAsync(string sql, params (string Name, object Value)[] parameters) => ExecuteScalarAsync(sql, parameters, readOnly: false);

    private async Task<object?> ExecuteScalarAsync(string sql, (string Name, object Value)[] parameters, bool readOnly = true)
    {
        await using System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString + (readOnly ? ";Mode=ReadOnly" : "") + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// A URL with the demo territories' ids filled in: {krasnoyarsk}, {krasnodar}, {krasnoyarsk-city},
    /// {krasnoyarsk-campaign} (its latest closed campaign), {school-50}, {school-32}.
    /// </summary>
    public async Task<string> UrlAsync(string template) => template
        .Replace("{krasnoyarsk}", (await RegionIdAsync("krasnoyarsk")).ToString(), StringComparison.Ordinal)
        .Replace("{krasnodar}", (await RegionIdAsync("krasnodar")).ToString(), StringComparison.Ordinal)
        .Replace("{krasnoyarsk-city}", (await MunicipalityIdAsync("город Красноярск")).ToString(), StringComparison.Ordinal)
        .Replace("{krasnoyarsk-campaign}", (await LatestCampaignAsync(await RegionIdAsync("krasnoyarsk"))).ToString(), StringComparison.Ordinal)
        .Replace("{school-50}", (await OrganisationIdAsync("СШ № 50")).ToString(), StringComparison.Ordinal)
        .Replace("{school-32}", (await OrganisationIdAsync("СШ № 32")).ToString(), StringComparison.Ordinal);

    /// <summary>The region's latest closed (published) campaign.</summary>
    public Task<long> LatestCampaignAsync(long regionId) =>
        ScalarAsync("""SELECT "Id" FROM "Campaigns" WHERE "RegionId" = @r AND "State" = 3 ORDER BY "AsOf" DESC LIMIT 1""", ("r", (int)regionId));

    public Task<long> OrganisationIdAsync(string name) => ScalarAsync("""SELECT "Id" FROM "Organisations" WHERE "Name" = @n""", ("n", name));
    public Task<long> MunicipalityIdAsync(string name) => ScalarAsync("""SELECT "Id" FROM "Municipalities" WHERE "Name" = @n""", ("n", name));
    public Task<long> RegionIdAsync(string code) => ScalarAsync("""SELECT "Id" FROM "Regions" WHERE "Code" = @c""", ("c", code));

    /// <summary>An HTTP client with its own cookies, signed in through the login form as a browser would be.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Mentoring.Dashboard.Data.DatabaseInitializer.DemoPassword)
    {
        var client = NewClient();
        var response = await PostLoginAsync(client, email, password);
        if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal))
            throw new InvalidOperationException($"Sign-in as {email} failed: ended at {response.RequestMessage.RequestUri}.");
        return client;
    }

    /// <summary>A page as a user sees its text: Blazor may write non-Latin letters as character references.</summary>
    public static async Task<string> PageTextAsync(HttpClient client, string url) =>
        System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(url)).Content.ReadAsStringAsync());

    public HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>Posts the login form with the antiforgery token the form page issued.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Waits until the Blazor circuit is live (the layout marks it), so clicks are not lost on prerendered markup.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator(".app-shell[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });

    /// <summary>Opens and starts a collecting campaign for Krasnoyarsk region through the pages, as an administrator.</summary>
    public async Task<long> OpenCampaignAsync(DateOnly asOf, string? screenshot = null)
    {
        var admin = await SignInAsync("admin@demo.local");
        await admin.GotoAsync($"{BaseUrl}/campaigns");
        await WaitForInteractiveAsync(admin);
        await admin.SelectOptionAsync("#campaign-region", new SelectOptionValue { Label = "Красноярский край" });
        await admin.FillAsync("#campaign-date", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await admin.ClickAsync("#campaign-create");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Мониторинг реализации целевой модели наставничества");
        await admin.ClickAsync("#campaign-start");
        await Assertions.Expect(admin.Locator(".campaign-state")).ToContainTextAsync("идёт сбор");
        if (screenshot is not null)
            await ScreenshotAsync(admin, screenshot);
        var id = long.Parse(new Uri(admin.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        await admin.Context.CloseAsync();
        return id;
    }

    /// <summary>
    /// Fills in the open organisation form with valid figures: the first choice of every list, 5 in every number, and
    /// <paramref name="young"/> young teachers of whom <paramref name="youngWithMentor"/> have a mentor.
    /// </summary>
    public static async Task FillReportFormAsync(IPage page, int young, int youngWithMentor)
    {
        await page.Locator("#tch_young_mentees-part").WaitForAsync(); // the form has loaded
        var selects = page.Locator(".report-field select");
        for (var i = 0; i < await selects.CountAsync(); i++)
            await selects.Nth(i).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var numbers = page.Locator(".report-field input[type=number]");
        for (var i = 0; i < await numbers.CountAsync(); i++)
            await numbers.Nth(i).FillAsync("5");
        await page.FillAsync("#tch_young_mentees-whole", young.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#tch_young_mentees-part", youngWithMentor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#report-save-status")).ToContainTextAsync("Черновик сохранён");
    }

    /// <summary>
    /// Runs axe-core (vendored, Browser/axe) on the page and returns its critical and serious violations as
    /// "rule: element, element" lines; the page must have been opened with <c>bypassCsp</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js") });
        return await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'critical' || v.impact === 'serious')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', '));
            }
            """);
    }

    /// <summary>
    /// What makes the page scroll sideways: empty when it fits its window, else the page's overflow in CSS pixels and the
    /// innermost elements that stick out (elements inside a box that scrolls by itself do not count).
    /// </summary>
    public static Task<string[]> SidewaysOverflowAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => {
              const overflow = document.documentElement.scrollWidth - window.innerWidth;
              if (overflow <= 0) return [];
              const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll' || x === 'hidden') return true; } return false; };
              const out = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e))
                .filter((e, _, all) => !all.some(o => o !== e && e.contains(o)))
                .slice(0, 6)
                .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' right=' + Math.round(e.getBoundingClientRect().right));
              return ['overflow ' + overflow + ' px', ...out];
            }
            """);

    /// <summary>
    /// Tables that scroll sideways inside their own box at this width (a key column hidden until the user scrolls it into
    /// view): each as its first heading's text and how far it scrolls. The slide show's own frames are not tables.
    /// </summary>
    public static Task<string[]> TablesScrollingSidewaysAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table')]
              .map(t => { for (let p = t.parentElement; p; p = p.parentElement) {
                  const x = getComputedStyle(p).overflowX;
                  if (x === 'auto' || x === 'scroll') return [t, p]; } return null; })
              .filter(pair => pair && pair[1].scrollWidth > pair[1].clientWidth + 1)
              .map(([t, box]) => (t.querySelector('th')?.textContent.trim() ?? t.className) + ': ' + (box.scrollWidth - box.clientWidth) + ' px')
            """);

    /// <summary>Opens the drop-down with this label and picks the option with this text, as a user does.</summary>
    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Test browsers ask for reduced motion: charts then appear drawn at once (charts.js), with nothing left to wait out.</summary>
    public const ReducedMotion QuietMotion = ReducedMotion.Reduce;

    /// <summary>
    /// A full-page screenshot to look at, once every chart has drawn: charts draw in the browser once the circuit is
    /// live. Test browsers ask for reduced motion (<see cref="QuietMotion"/>), so a drawn chart has no entry animation
    /// left to wait for. A chart that never draws fails the test, as it would fail the user.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        try
        {
            // A chart that a live update brought in out of sight is drawn when it comes near the screen: as a user
            // scrolling down would, each is brought into view, then the page goes back to where it was.
            await page.EvaluateAsync("""
                async () => {
                  const y = window.scrollY;
                  const undrawn = [...document.querySelectorAll('.chart-canvas:not([data-rendered])')];
                  for (const c of undrawn) {
                    c.scrollIntoView({ block: 'center' });
                    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                  }
                  if (undrawn.length) window.scrollTo(0, y);
                }
                """);
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('.chart-canvas')].every(c => c.dataset.rendered === 'true')",
                null, new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var undrawn = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.chart-canvas')].filter(c => c.dataset.rendered !== 'true').map(c => c.closest('figure')?.dataset.chart ?? '?')");
            throw new Xunit.Sdk.XunitException($"Charts not drawn within 30 s on {page.Url} ({name}): {string.Join(", ", undrawn)}.");
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Waits until /health answers 200: at start (90 s), or after a fault within the time the app promises.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan? within = null)
    {
        using var http = new HttpClient();
        var limit = within ?? TimeSpan.FromSeconds(90);
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"The dashboard exited with code {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The dashboard was not healthy within {limit.TotalSeconds:0} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string SolutionFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Mentoring.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardAppCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "Dashboard in Chromium";
}
