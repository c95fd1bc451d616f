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

    /// <summary>How to stop and start this server again (null for a server of one's own, which tests do not stop).</summary>
    private readonly (string PgCtl, string Data, string Settings, string Log, bool AsRoot)? control;

    private LocalPostgreSql(string adminConnectionString, (string, string, string, string, bool)? control = null)
    {
        this.adminConnectionString = adminConnectionString;
        this.control = control;
    }

    /// <summary>A server for one test that stops it (a database outage): never the shared one, which other tests use meanwhile.</summary>
    public static Task<LocalPostgreSql> StartOwnAsync() => StartAsync(durable: false);

    /// <summary>Stops the server at once, as a crash or a pulled cable would: open connections break.</summary>
    public Task StopAsync() => RunAsync(Control.PgCtl, ["-D", Control.Data, "-m", "immediate", "-w", "stop"], Control.AsRoot);

    /// <summary>Stops a server of one's own for good, as its fixture ends, and deletes its cluster.</summary>
    public async Task DeleteAsync()
    {
        if (File.Exists(Path.Combine(Control.Data, "postmaster.pid")))
            await StopAsync();
        DeleteFolder(Path.GetDirectoryName(Control.Data)!);
    }

    /// <summary>Starts the stopped server again, on the same port and data.</summary>
    public Task StartAgainAsync() =>
        RunAsync(Control.PgCtl, ["-D", Control.Data, "-o", Control.Settings, "-l", Control.Log, "-w", "start"], Control.AsRoot);

    private (string PgCtl, string Data, string Settings, string Log, bool AsRoot) Control =>
        control ?? throw new InvalidOperationException("A PostgreSQL server of one's own (MENTORING_TEST_POSTGRES) is not stopped by tests.");

    /// <summary>One server per test process; databases on it are created per fixture.</summary>
    public static Task<LocalPostgreSql> SharedAsync() => shared.Value;

    /// <summary>A new database, empty or a copy of <paramref name="template"/> (no one may be connected to it); its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, string? template = null)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE \"{template ?? "template0"}\"");
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    public async Task<bool> ExistsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>A statement on the server's maintenance database (CREATE, ALTER or DROP DATABASE).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <param name="durable">False for tests (no fsync); true for the benchmark, to compare with SQLite's durable commits.</param>
    /// <param name="keepIn">A folder that keeps the cluster between runs (the benchmark's datasets); else a temporary one.</param>
    public static async Task<LocalPostgreSql> StartAsync(bool durable, string? keepIn = null)
    {
        if (Environment.GetEnvironmentVariable("MENTORING_TEST_POSTGRES") is { Length: > 0 } own)
            return new LocalPostgreSql(own);

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql (or set MENTORING_TEST_POSTGRES).");

        RemoveStoppedClusters();
        var folder = keepIn ?? Directory.CreateTempSubdirectory(TempPrefix).FullName;
        Directory.CreateDirectory(folder);
        // initdb refuses to run as root: the cluster then belongs to Debian's postgres user.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", ["postgres", folder]);
        var port = FreePort();
        var data = Path.Combine(folder, "data");
        if (!Directory.Exists(data))
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"], asRoot);
        var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
                       + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(folder, "log"), "-w", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Every handler must run: one that threw (a server a test left stopped, or deleted) would leave the others'
            // servers running after the tests.
            try
            {
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", keepIn is null ? "immediate" : "fast", "stop"], asRoot).GetAwaiter().GetResult();
                if (keepIn is null && Directory.Exists(folder))
                    DeleteFolder(folder);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"PostgreSQL in {folder} was not stopped: {e.Message}");
            }
        };
        return new LocalPostgreSql($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres",
            (Path.Combine(bin, "pg_ctl"), data, settings, Path.Combine(folder, "log"), asRoot));
    }

    private const string TempPrefix = "mentoring-pg-";

    /// <summary>
    /// Temporary clusters of earlier runs whose server has stopped (no postmaster.pid) at least ten minutes ago: the test
    /// host may be ended right after the server stops, before the folder is deleted.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), TempPrefix + "*"))
        {
            if (File.Exists(Path.Combine(stale, "data", "postmaster.pid")) || Directory.GetLastWriteTimeUtc(stale) > DateTime.UtcNow.AddMinutes(-10))
                continue; // a server of a run still going, or one being set up
            try
            {
                Directory.Delete(stale, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
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
