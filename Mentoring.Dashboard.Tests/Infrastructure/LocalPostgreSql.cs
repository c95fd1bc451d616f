using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server that the tests (and the benchmark) start themselves from Debian's `postgresql` package:
/// a throw-away cluster in a temporary folder on a free port, stopped when the process exits. No Docker. Set
/// MENTORING_TEST_POSTGRES to a connection string (a user allowed to create databases) to use a server of your own.
/// </summary>
public sealed class LocalPostgreSql
{
    private static readonly Lazy<Task<LocalPostgreSql>> shared = new(() => StartAsync(durable: false));

    private readonly string adminConnectionString;

    private LocalPostgreSql(string adminConnectionString) => this.adminConnectionString = adminConnectionString;

    /// <summary>One server per test process; databases on it are created per fixture.</summary>
    public static Task<LocalPostgreSql> SharedAsync() => shared.Value;

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <param name="durable">False for tests (no fsync); true for the benchmark, to compare with SQLite's durable commits.</param>
    public static async Task<LocalPostgreSql> StartAsync(bool durable)
    {
        if (Environment.GetEnvironmentVariable("MENTORING_TEST_POSTGRES") is { Length: > 0 } own)
            return new LocalPostgreSql(own);

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql (or set MENTORING_TEST_POSTGRES).");

        var folder = Directory.CreateTempSubdirectory("mentoring-pg-").FullName;
        // initdb refuses to run as root: the cluster then belongs to Debian's postgres user.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", ["postgres", folder]);
        var port = FreePort();
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"], asRoot);
        var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
                       + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(folder, "log"), "-w", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).GetAwaiter().GetResult();
            DeleteFolder(folder);
        };
        return new LocalPostgreSql($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
    }

    private static void DeleteFolder(string folder)
    {
        // The server may still be removing its pid file as pg_ctl returns.
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgresUser = false)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgresUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
