using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>
/// nginx (Debian's package) in front of two dashboard instances with the README's configuration,
/// deploy/nginx/mentoring.conf: only its ports and log path are changed, so the test checks the file users copy.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private NginxProxy(Process process, string folder, string baseUrl)
    {
        this.process = process;
        this.folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<NginxProxy> StartAsync(DashboardApp first, DashboardApp second)
    {
        if (!File.Exists("/usr/sbin/nginx"))
            throw new InvalidOperationException("nginx is not installed: apt-get install -y nginx");
        var folder = Directory.CreateTempSubdirectory("mentoring-nginx-").FullName;
        var port = FreePort();
        var site = (await File.ReadAllTextAsync(Path.Combine(DashboardApp.SolutionFolder(), "deploy", "nginx", "mentoring.conf")))
            .Replace("server 127.0.0.1:5081;", $"server {new Uri(first.BaseUrl).Authority};", StringComparison.Ordinal)
            .Replace("server 127.0.0.1:5082;", $"server {new Uri(second.BaseUrl).Authority};", StringComparison.Ordinal)
            .Replace("listen 8080;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("/var/log/nginx/mentoring.log", Path.Combine(folder, "access.log"), StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "mentoring.conf"), site);
        // The http block Debian's /etc/nginx/nginx.conf would give, with every path in the temporary folder.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { }
            http {
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/mentoring.conf;
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var proxy = new NginxProxy(process, folder, $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await http.GetAsync(proxy.BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                    return proxy;
            }
            catch (HttpRequestException) when (attempt < 40 && !process.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>The instance that answered each request after the health checks, in order (nginx's access log).</summary>
    public async Task<IReadOnlyList<string>> UpstreamsOfAsync()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "access.log"));
        return lines.Where(l => !l.Contains("GET /health", StringComparison.Ordinal))
            .Select(l => Upstream().Match(l).Groups[1].Value).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [GeneratedRegex("-> (\\S+)$")]
    private static partial Regex Upstream();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
