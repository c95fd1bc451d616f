using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Mentoring.Bench;

// dotnet run -c Release --project Mentoring.Bench -- [--quick] [--circuits N] [--fanout-pages N] [--skip-national]
//     [--skip-postgres] [--headless 50,200,1000] [--only views,server,memory,import,hostile,fanout,circuits,fanout-trace]
//     [--fanout-region-only]
// Prints the figures as tables and writes them to artifacts/bench/results.md. See README, "Performance".
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',');
bool Runs(string section) => only is null || only.Contains(section);
var circuits = args.SkipWhile(a => a != "--circuits").Skip(1).Select(int.Parse).FirstOrDefault(quick ? 10 : 100);
var iterations = quick ? 10 : 50;
var fanOutPages = args.SkipWhile(a => a != "--fanout-pages").Skip(1).Select(int.Parse).FirstOrDefault(50);
var root = SolutionFolder();
var folder = Path.Combine(root, "artifacts", "bench");
var report = new StringBuilder();

void Print(string line = "")
{
    Console.WriteLine(line);
    report.AppendLine(line);
}

Print($"# Mentoring dashboard benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Print();
Print($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}.");
Print($"Iterations: {iterations} timed after 3 warm-up runs; circuits: {circuits} Chromium pages per page kind.");
Print();

Console.WriteLine("Preparing datasets (generated once, then reused from artifacts/bench)…");
var shapes = new List<(string Name, DatasetShape Shape)> { ("регион (≈1 500 ОО)", DatasetShape.Region) };
if (!args.Contains("--skip-national"))
    shapes.Add(("страна (85 регионов, ≈100 000 ОО)", DatasetShape.National));
var datasets = new List<(string Name, Mentoring.Dashboard.Data.DatabaseSettings Database)>();
foreach (var (name, shape) in shapes)
    datasets.Add(($"{name}, SQLite", await DatasetGenerator.EnsureAsync(shape, folder)));
// The same datasets on PostgreSQL (a server of the benchmark's own, durable commits like SQLite's).
var postgres = new List<(string Name, Mentoring.Dashboard.Data.DatabaseSettings Database)>();
if (!args.Contains("--skip-postgres"))
{
    var server = await BenchDatabase.PostgreSqlServerAsync(folder);
    foreach (var (name, shape) in shapes)
        postgres.Add(($"{name}, PostgreSQL", await DatasetGenerator.EnsureAsync(shape, server)));
}
var regionSqlite = datasets[0].Database;
// The dashboard as the instances run it (`dotnet publish`, ReadyToRun), published once when a section needs it.
Task<string>? publishing = null;
Task<string> Published() => publishing ??= AppProcess.PublishAsync(root, Path.Combine(folder, "publish"));

if (Runs("views"))
{
Print("## Data behind the views: product queries vs hand-written SQL (ms)");
Print();
Print("| Набор | Представление | Медиана | p95 | Макс. | SQL медиана | SQL p95 | Отношение |");
Print("|---|---|---:|---:|---:|---:|---:|---:|");
foreach (var (name, database) in datasets.Concat(postgres))
{
    foreach (var r in await new ViewBenchmarks(database, name, iterations).RunAsync())
        Print($"| {r.Dataset} | {r.View} | {Timing.Ms(r.Product.Median)} | {Timing.Ms(r.Product.P95)} | {Timing.Ms(r.Product.Max)} | {Timing.Ms(r.Sql.Median)} | {Timing.Ms(r.Sql.P95)} | {r.Ratio.ToString("0.00", CultureInfo.InvariantCulture)} |");
}
Print();
}

if (Runs("server"))
{
Print("## Server: cold start and prerendering the region page over HTTP (ms)");
Print();
// As `dotnet run` starts it (the build output) and as the instances run it (published, ReadyToRun).
var published = await Published();
Print("| Измерение | Медиана | p95 | Макс. |");
Print("|---|---:|---:|---:|");
foreach (var (form, appFolder) in new[] { ("сборка (dotnet run)", (string?)null), ("публикация (dotnet publish, ReadyToRun)", published) })
{
    var signInPage = new List<double>();
    var ready = new List<double>();
    for (var i = 0; i < (quick ? 1 : 5); i++)
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"mentoring-cold-{Guid.NewGuid():N}.db");
        var (coldApp, took) = await AppProcess.StartAsync(BenchDatabase.Sqlite(fresh), appFolder);
        await coldApp.DisposeAsync();
        foreach (var file in new[] { fresh, fresh + "-wal", fresh + "-shm" })
            File.Delete(file);
        signInPage.Add(took.SignInPage.TotalMilliseconds);
        ready.Add(took.Ready.TotalMilliseconds);
    }
    var page = new Timing("sign-in page", signInPage);
    var filled = new Timing("ready", ready);
    Print($"| Холодный старт на новой базе, {form}: страница входа | {Timing.Ms(page.Median)} | {Timing.Ms(page.P95)} | {Timing.Ms(page.Max)} |");
    Print($"| … и база заполнена демо-данными (/health 200) | {Timing.Ms(filled.Median)} | {Timing.Ms(filled.P95)} | {Timing.Ms(filled.Max)} |");
}
foreach (var (name, database) in datasets)
{
    var copy = await BenchDatabase.CopyAsync(database);
    var (app, _) = await AppProcess.StartAsync(copy);
    await using (app)
    {
        using var client = await app.SignedInClientAsync("admin@demo.local", Mentoring.Dashboard.Data.DatabaseInitializer.DemoPassword);
        var regionId = await RegionIdAsync(copy);
        var prerender = await Harness.MeasureAsync("prerender", async () =>
        {
            using var response = await client.GetAsync($"/regions/{regionId}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }, iterations);
        Print($"| Пререндер страницы региона, {name} | {Timing.Ms(prerender.Median)} | {Timing.Ms(prerender.P95)} | {Timing.Ms(prerender.Max)} |");
    }
    await BenchDatabase.DeleteAsync(copy);
}
Print();
}

if (Runs("memory"))
{
Print("## Memory per idle interactive page (server resident memory, MiB)");
Print();
Print("| Страница | Страниц | База | С открытыми страницами | На страницу |");
Print("|---|---:|---:|---:|---:|");
var regionDatabase = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(regionSqlite.ConnectionString).DataSource;
var regionPath = $"/regions/{await RegionIdAsync(regionSqlite)}";
var measured = new List<CircuitResult>
{
    await CircuitBenchmarks.MeasureAsync(regionDatabase, "Минимальная интерактивная страница (/ping)", "/ping", circuits),
    await CircuitBenchmarks.MeasureAsync(regionDatabase, "Обзор региона (1 500 ОО)", regionPath, circuits),
};
foreach (var m in measured)
    Print($"| {m.Page} | {m.Pages} | {m.BaselineMiB:0} | {m.LoadedMiB:0} | {m.PerCircuitMiB.ToString("0.00", CultureInfo.InvariantCulture)} |");
Print();
Print($"Ratio dashboard / minimal page: {(measured[1].PerCircuitMiB / measured[0].PerCircuitMiB).ToString("0.00", CultureInfo.InvariantCulture)}.");
Print();
}

if (Runs("import"))
{
    Print($"## Importing a {ImportBenchmark.Organisations:N0}-row spreadsheet (ms)");
    Print();
    Print("| Формат | Строк | Столбцов | Размер файла | Значений записано | Проверка и предпросмотр: медиана | p95 | Запись: медиана | p95 | Макс. |");
    Print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    var imports = (await ImportBenchmark.RunAsync(regionSqlite, quick ? 2 : 5)).Select(r => r with { Format = $"{r.Format}, SQLite" }).ToList();
    // On PostgreSQL the .csv only: reading the file does not depend on the database.
    if (postgres.Count > 0)
        imports.AddRange((await ImportBenchmark.RunAsync(postgres[0].Database, quick ? 2 : 5, csvOnly: true)).Select(r => r with { Format = $"{r.Format}, PostgreSQL" }));
    foreach (var r in imports)
        Print($"| {r.Format} | {r.Rows} | {r.Columns} | {r.FileBytes / 1024} KiB | {r.ValuesWritten} | {Timing.Ms(r.Preview.Median)} | {Timing.Ms(r.Preview.P95)} | {Timing.Ms(r.Commit.Median)} | {Timing.Ms(r.Commit.P95)} | {Timing.Ms(r.Commit.Max)} |");
    Print();
}

if (Runs("hostile"))
{
    Print($"## Hostile workbooks: server memory and time while one is read (goal ≤ {HostileImportBenchmark.GoalMiB:0} MiB, ≤ {HostileImportBenchmark.GoalSeconds:0} s)");
    Print();
    Print("| Файл | Размер | Итог | Пик кучи | Удерживается | Выделено всего | Время, с | Цель |");
    Print("|---|---:|---|---:|---:|---:|---:|---|");
    foreach (var h in HostileImportBenchmark.Run())
        Print($"| {h.File} | {h.FileBytes / 1024} KiB | {h.Outcome} | {h.PeakMiB.ToString("0.0", CultureInfo.InvariantCulture)} | {h.RetainedMiB.ToString("0.0", CultureInfo.InvariantCulture)} | {h.AllocatedMiB.ToString("0", CultureInfo.InvariantCulture)} | {h.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} | {(h.PeakMiB <= HostileImportBenchmark.GoalMiB && h.Seconds <= HostileImportBenchmark.GoalSeconds ? "✓" : "✗")} |");
    Print();
}

if (Runs("fanout"))
{
    Print($"## Live-update fan-out: a submitted form until {fanOutPages} open region pages show it (ms)");
    Print();
    Print("| Страница | Страниц | Отправок | Задержка: медиана | p95 | Макс. | Последняя страница за отправку: медиана | Процессор сервера за отправку, с | Процессор браузеров за отправку, с |");
    Print("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    var runs = new List<(Mentoring.Dashboard.Data.DatabaseSettings Database, int Instances)> { (regionSqlite, 1) };
    if (postgres.Count > 0)
        runs.Add((postgres[0].Database, 2)); // pages spread over two instances, the form submitted on the first
    foreach (var (database, instances) in runs)
    foreach (var regionPage in args.Contains("--fanout-region-only") ? [true] : new[] { false, true })
    {
        var f = await FanOutBenchmark.RunAsync(database, fanOutPages, quick ? 3 : 10, regionPage, await Published(), instances);
        Print($"| {f.Page} | {f.Pages} | {f.Rounds} | {Timing.Ms(f.Latency.Median)} | {Timing.Ms(f.Latency.P95)} | {Timing.Ms(f.Latency.Max)} | {Timing.Ms(f.Slowest.Median)} | {f.ServerCpuSeconds.ToString("0.00", CultureInfo.InvariantCulture)} | {f.BrowserCpuSeconds.ToString("0.00", CultureInfo.InvariantCulture)} |");
    }
    Print();
}

// Not in the default run: a diagnostic of what the browsers' main threads do with the region page's live updates.
if (only?.Contains("fanout-trace") == true)
{
    var traced = await FanOutBenchmark.RunAsync(regionSqlite, fanOutPages, quick ? 3 : 10, regionPage: true, await Published(),
        browserTraceFile: Path.Combine(folder, "browser-trace.json"));
    Print($"## What {fanOutPages} region pages' main threads did per submission (Chromium trace, self time, ms)");
    Print();
    Print("| Событие трассы | На отправку, мс | На страницу и отправку, мс | Событий на отправку |");
    Print("|---|---:|---:|---:|");
    foreach (var w in traced.BrowserWork!.Take(20))
        Print($"| {w.Name} | {w.SelfSeconds * 1000 / traced.Rounds:0} | {w.SelfSeconds * 1000 / traced.Rounds / traced.Pages:0.0} | {w.Count / traced.Rounds} |");
    Print();
}

if (Runs("circuits") && postgres.Count > 0)
{
    Print("## Live updates without browsers: headless Blazor Server circuits of the region page (PostgreSQL)");
    Print();
    Print("| Экземпляры | Цепей | Память на цепь, МиБ | Память всего, МиБ | Задержка: медиана | p95 | Макс. | Последняя цепь за изменение: медиана | Процессор серверов за изменение, с | Оборвалось цепей | Открытие цепей, с |");
    Print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    var sizes = args.SkipWhile(a => a != "--headless").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [50, 200, 1000];
    var runs = sizes.Select(n => (Circuits: n, Instances: 1)).Append((Circuits: sizes.Max(), Instances: 2));
    foreach (var (count, instances) in runs)
    {
        var h = await HeadlessFanOutBenchmark.RunAsync(postgres[0].Database, count, quick ? 3 : 5, instances);
        Print($"| {h.Instances} | {h.Circuits} | {h.PerCircuitMiB.ToString("0.00", CultureInfo.InvariantCulture)} (/ping {h.PingMiBPerCircuit.ToString("0.00", CultureInfo.InvariantCulture)}) | {h.LoadedMiB.ToString("0", CultureInfo.InvariantCulture)} | {Timing.Ms(h.Latency.Median)} | {Timing.Ms(h.Latency.P95)} | {Timing.Ms(h.Latency.Max)} | {Timing.Ms(h.Last.Median)} | {h.ServerCpuSecondsPerChange.ToString("0.00", CultureInfo.InvariantCulture)} | {h.Dropped} | {h.Opening.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} |");
    }
    Print();
}

Directory.CreateDirectory(folder);
var results = Path.Combine(folder, "results.md");
await File.WriteAllTextAsync(results, report.ToString());
Console.WriteLine($"Written to {results}");
return 0;

static string SolutionFolder()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mentoring.sln")))
        directory = directory.Parent;
    return directory?.FullName ?? throw new InvalidOperationException("Mentoring.sln not found above " + AppContext.BaseDirectory);
}

static async Task<int> RegionIdAsync(Mentoring.Dashboard.Data.DatabaseSettings database)
{
    await using var connection = HandSql.Connect(database);
    await connection.OpenAsync();
    await using var command = HandSql.Command(connection, """SELECT "Id" FROM "Regions" WHERE "Code" LIKE 'bench-%' ORDER BY "Id" DESC LIMIT 1""");
    return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}
