using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mentoring.Bench;

/// <summary>
/// The dashboard as a real Kestrel process on loopback, started from its build output on a given database
/// (Development environment, as the browser tests run it: demo accounts, cookies over plain HTTP).
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    public string BaseUrl { get; }
    public int ProcessId => process.Id;

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>How long a start took: until the sign-in page is served, and until the data is there too (/health 200).</summary>
    public sealed record StartTimes(TimeSpan SignInPage, TimeSpan Ready);

    /// <summary>
    /// Starts the app from the build output (or from <paramref name="appFolder"/>, a published one) and returns once it
    /// serves the sign-in page and its database is filled, with the time each took.
    /// </summary>
    public static async Task<(AppProcess App, StartTimes Took)> StartAsync(Mentoring.Dashboard.Data.DatabaseSettings database, string? appFolder = null)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        appFolder ??= AppContext.BaseDirectory.Replace("Mentoring.Bench", "Mentoring.Dashboard", StringComparison.Ordinal);
        var start = new ProcessStartInfo(Path.Combine(appFolder, "Mentoring.Dashboard"))
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = baseUrl,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__Provider"] = database.Provider.ToString(),
                ["ConnectionStrings__Mentoring"] = database.ConnectionString,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The dashboard did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var signInPage = await UntilAnsweredAsync(process, http, baseUrl + "/account/login", watch);
        var ready = await UntilAnsweredAsync(process, http, baseUrl + "/health", watch);
        return (new AppProcess(process, baseUrl), new StartTimes(signInPage, ready));
    }

    private static async Task<TimeSpan> UntilAnsweredAsync(Process process, HttpClient http, string url, Stopwatch watch)
    {
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The dashboard exited with code {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                    return watch.Elapsed;
            }
            catch (HttpRequestException)
            {
            }
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException($"The dashboard did not answer {url} within 5 minutes.");
            await Task.Delay(20);
        }
    }

    /// <summary>`dotnet publish` of the dashboard as the README deploys it (ReadyToRun), into <paramref name="folder"/>.</summary>
    public static async Task<string> PublishAsync(string solutionFolder, string folder)
    {
        var publish = new ProcessStartInfo("dotnet", ["publish", Path.Combine(solutionFolder, "Mentoring.Dashboard"), "-c", "Release", "-o", folder, "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(publish) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed: {await output}{await errors}");
        return folder;
    }

    /// <summary>An HTTP client signed in as a demo account through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var form = await client.GetStringAsync("/account/login");
        var token = Antiforgery().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}.");
        return client;
    }

    /// <summary>Resident memory of the server process (what the machine pays), in MiB.</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(Digits().Match(line).Value, System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>CPU time the server process has used so far (user + system), in seconds.</summary>
    public double CpuSeconds() => CpuSecondsOf(process.Id);

    /// <summary>CPU time a process has used so far (user + system), in seconds.</summary>
    public static double CpuSecondsOf(int processId)
    {
        var fields = File.ReadAllText($"/proc/{processId}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; in clock ticks of 1/100 s.
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>CPU time all running Chromium processes (browser, renderers, GPU and utility) have used so far, in seconds.</summary>
    public static double ChromiumCpuSeconds()
    {
        var total = 0.0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var id))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(folder, "comm")).Trim() == "chromium")
                    total += CpuSecondsOf(id);
            }
            catch (IOException)
            {
                // The process ended while it was being read.
            }
        }
        return total;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
