using System.Globalization;
using System.Text.RegularExpressions;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Intake;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>What an import would do (or, after committing, did): the changes, or every problem that stops it.</summary>
public sealed record ImportPreview(IReadOnlyList<CellProblem> Problems, IReadOnlyList<ReportedChange> Changes, int Rows, int Organisations, string? Refusal)
{
    public bool CanCommit => Refusal is null && Problems.Count == 0;

    /// <summary>
    /// The version of every report the file touches as the preview saw it (0: none yet). Committing with it refuses
    /// when a curator has changed one since, instead of overwriting what the user did not see.
    /// </summary>
    public IReadOnlyDictionary<int, int> ReportVersions { get; init; } = new Dictionary<int, int>();
}

/// <summary>
/// Imports a filled-in intake spreadsheet for one municipality: matches organisations by code or by name, checks
/// every cell, previews the changes, then commits all of them in one transaction or none. Re-reads the file on
/// commit, so what is written is exactly what was previewed against the current data.
/// </summary>
public sealed partial class SpreadsheetImport(
    ScopedDbContextFactory contextFactory,
    TerritoryGuard guard,
    IFigureChangeFeed feed,
    AuditLog audit,
    ICurrentUser currentUser,
    TimeProvider clock,
    ImportSlots slots,
    Microsoft.Extensions.Logging.ILogger<SpreadsheetImport>? logger = null)
{
    /// <summary>More problems than this are summarised: the user fixes the pattern, not 5 000 cells one by one.</summary>
    public const int MaxProblemsListed = 200;

    public Task<ImportPreview> PreviewAsync(int campaignId, int municipalityId, byte[] file, string fileName, CancellationToken ct = default) =>
        RunAsync(campaignId, municipalityId, file, fileName, null, commit: false, ct);

    /// <param name="previewed">The preview's <see cref="ImportPreview.ReportVersions"/>: a report changed since is a conflict.</param>
    public Task<ImportPreview> CommitAsync(int campaignId, int municipalityId, byte[] file, string fileName,
        IReadOnlyDictionary<int, int>? previewed = null, CancellationToken ct = default) =>
        RunAsync(campaignId, municipalityId, file, fileName, previewed, commit: true, ct);

    private async Task<ImportPreview> RunAsync(int campaignId, int municipalityId, byte[] file, string fileName,
        IReadOnlyDictionary<int, int>? previewed, bool commit, CancellationToken ct)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Municipality(municipalityId), TerritoryAccessRequirement.Aggregates, ct);
        var scope = await guard.ScopeAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.Include(c => c.Region).SingleAsync(c => c.Id == campaignId, ct);
        if (IntakeRules.WhyRoundIsReadOnly(scope, campaign) is { } readOnly)
            return Refused(readOnly);
        if (commit && !await guard.IsAccountCurrentAsync(ct))
            return Refused(AccountStamp.ChangedMessage);

        // Organisations the user may report for (a curator: only their own).
        var organisations = await db.Organisations.Include(o => o.Municipality)
            .Where(o => o.MunicipalityId == municipalityId).ToListAsync(ct);
        var allowed = organisations.Where(o => IntakeRules.MayReport(scope, new TerritoryPath(o.Municipality.RegionId, o.MunicipalityId, o.Id))).ToList();
        if (allowed.Count == 0)
            throw new TerritoryAccessDeniedException();

        var (slot, busy) = slots.TryEnter((await currentUser.GetAsync()).Identity?.Name ?? "");
        if (busy is not null)
            return Refused(busy);
        using var held = slot;
        IReadOnlyList<SheetText> sheets;
        string? refusal;
        try
        {
            (sheets, refusal) = SpreadsheetReader.Read(file, fileName, new ReadingLimit(slots.ReadingBudget, ct));
        }
        catch (TimeoutException)
        {
            (sheets, refusal) = ([], $"Файл отклонён: его проверка заняла больше {Format.Number((decimal)slots.ReadingBudget.TotalSeconds)} с — это не таблица одного муниципалитета.");
        }
        if (refusal is not null)
        {
            // Every file the reader refuses is on record, with what was said to the user.
            if (logger is not null)
                LogRefused(logger, Path.GetFileName(fileName), file.Length, refusal);
            return Refused(refusal);
        }

        var parsed = Parse(sheets, campaign.CollectedIndicators, allowed, organisations.Count > allowed.Count);
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        if (commit)
        {
            try
            {
                transaction = await db.Database.BeginTransactionAsync(ct); // SQLite takes its write lock here
            }
            catch (Exception e) when (DatabaseBusy.Is(e))
            {
                return Refused(DatabaseBusy.Message);
            }
        }
        await using var ownedTransaction = transaction;
        var existing = await ObservationWriter.ExistingAsync(db, campaignId, parsed.Values.Keys.ToList(), ct);
        var changes = new List<ReportedChange>();
        var user = (await currentUser.GetAsync()).Identity?.Name ?? "—";
        var allowedById = allowed.ToDictionary(o => o.Id);
        var added = new List<Observation>();
        foreach (var (organisationId, values) in parsed.Values)
        {
            var organisation = allowedById[organisationId];
            changes.AddRange(ObservationWriter.Apply(db, campaign, organisation, values, existing, $"Импорт из файла «{Path.GetFileName(fileName)}» ({user})", added));
        }
        var inFile = parsed.Values.Keys.ToList();
        var submissions = await db.Submissions.Where(s => s.CampaignId == campaignId && inFile.Contains(s.OrganisationId)).ToListAsync(ct);
        var preview = new ImportPreview(Summarise(parsed.Problems), changes, parsed.Rows, parsed.Values.Count, null)
        {
            ReportVersions = inFile.ToDictionary(id => id, id => submissions.SingleOrDefault(s => s.OrganisationId == id)?.Version ?? 0),
        };
        if (commit && previewed is not null && ChangedSincePreview(previewed, preview.ReportVersions, submissions, allowedById) is { } conflict)
            return Refused(conflict);
        if (!commit || !preview.CanCommit || changes.Count == 0)
            return preview; // the context is dropped: nothing was saved

        var changedOrganisations = changes.Select(c => c.OrganisationId).ToHashSet();
        foreach (var organisationId in changedOrganisations)
        {
            var submission = submissions.SingleOrDefault(s => s.OrganisationId == organisationId);
            if (submission is null)
                db.Submissions.Add(submission = new Submission(campaignId, organisationId));
            // Also bumps the version, so a curator's open form sees that the figures changed under it.
            submission.Submit(user, clock.GetUtcNow());
        }
        db.AuditEntries.Add(await audit.EntryAsync(AuditActions.DataChanged,
            $"{organisations[0].Municipality.Name}, мониторинг на {Format.Date(campaign.AsOf)}",
            $"Импорт из файла «{Path.GetFileName(fileName)}»: строк {parsed.Rows}, организаций изменено {changedOrganisations.Count}, значений изменено {changes.Count}"));
        try
        {
            await ObservationWriter.SaveAsync(db, added, ct);
            var change = await feed.AnnounceAsync(db, new FigureChange(campaignId, campaign.RegionId, new HashSet<int> { municipalityId }, changedOrganisations), ct);
            await feed.CommitAndTellAsync(transaction!, change);
        }
        catch (Exception e) when (DatabaseBusy.Is(e))
        {
            return Refused(DatabaseBusy.Message); // rolled back with the transaction: nothing written
        }
        catch (DbUpdateException)
        {
            // A curator saved one of these reports between this import's read and its write (the version is a
            // concurrency token, and a new report is unique per organisation): rolled back, nothing written.
            return Refused(ChangedMeanwhile);
        }
        return preview;
    }

    private const string ChangedMeanwhile = "Пока шла загрузка, данные организаций из файла изменились. Ничего не записано: загрузите файл ещё раз, чтобы увидеть изменения относительно новых данных.";

    /// <summary>Reports a curator (or another import) changed since the user looked at the preview, named with who and when.</summary>
    private static string? ChangedSincePreview(IReadOnlyDictionary<int, int> previewed, IReadOnlyDictionary<int, int> now,
        IReadOnlyList<Submission> submissions, IReadOnlyDictionary<int, Mentoring.Domain.Territories.Organisation> organisations)
    {
        var changed = now.Where(v => previewed.GetValueOrDefault(v.Key) != v.Value).Select(v => v.Key).ToList();
        if (changed.Count == 0)
            return null;
        var named = changed.Take(5).Select(id => submissions.SingleOrDefault(s => s.OrganisationId == id) is { } s
            ? $"«{organisations[id].Name}» ({s.UpdatedBy})"
            : $"«{organisations[id].Name}»");
        var more = changed.Count > 5 ? $" и ещё {changed.Count - 5}" : "";
        return $"После проверки файла изменились данные организаций: {string.Join(", ", named)}{more}. Ничего не записано: "
               + "загрузите файл ещё раз, чтобы увидеть изменения относительно новых данных.";
    }

    private static ImportPreview Refused(string reason) => new([], [], 0, 0, reason);

    private static List<CellProblem> Summarise(List<CellProblem> problems)
    {
        if (problems.Count <= MaxProblemsListed)
            return problems;
        var listed = problems.Take(MaxProblemsListed).ToList();
        listed.Add(new CellProblem("", 0, "", $"и ещё {problems.Count - MaxProblemsListed} ошибок того же рода"));
        return listed;
    }

    private sealed record Parsed(Dictionary<int, Dictionary<string, Figure>> Values, List<CellProblem> Problems, int Rows);

    /// <summary>Turns the sheets into figures per organisation, collecting every problem with its sheet, row and column.</summary>
    private static Parsed Parse(IReadOnlyList<SheetText> sheets, IReadOnlyList<Indicator> indicators, IReadOnlyList<Domain.Territories.Organisation> organisations, bool othersExist)
    {
        var known = IntakeColumns.AllColumns(indicators).ToDictionary(c => Normalise(c.Header), c => c);
        var byName = organisations.GroupBy(o => Normalise(o.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var values = new Dictionary<int, Dictionary<string, Figure>>();
        var locations = new Dictionary<(int Organisation, string Code), (string Sheet, int Row)>();
        var problems = new List<CellProblem>();
        var rows = 0;
        var recognisedSheets = 0;

        foreach (var sheet in sheets)
        {
            problems.AddRange(sheet.Problems);
            if (sheet.Rows.Count == 0)
                continue;
            var header = sheet.Rows[0];
            var columns = new IntakeColumn?[header.Length];
            var seen = new Dictionary<string, int>();
            for (var i = 0; i < header.Length; i++)
            {
                var text = header[i]?.Trim();
                if (string.IsNullOrEmpty(text))
                    continue;
                var key = Normalise(text);
                if (!known.TryGetValue(key, out var column))
                {
                    problems.Add(new(sheet.Name, sheet.RowNumbers[0], SpreadsheetReader.ColumnLetter(i), $"неизвестный заголовок «{text}» — используйте шаблон этого мониторинга"));
                    continue;
                }
                if (seen.TryGetValue(key, out var first))
                {
                    problems.Add(new(sheet.Name, sheet.RowNumbers[0], SpreadsheetReader.ColumnLetter(i), $"столбец {IntakeColumns.Quoted(column.Header)} повторяется (уже есть в столбце {SpreadsheetReader.ColumnLetter(first)})"));
                    continue;
                }
                seen[key] = i;
                columns[i] = column;
            }
            var codeColumn = Array.FindIndex(columns, c => c?.Header == IntakeColumns.Code);
            var nameColumn = Array.FindIndex(columns, c => c?.Header == IntakeColumns.Name);
            if (codeColumn < 0 && nameColumn < 0)
            {
                problems.Add(new(sheet.Name, sheet.RowNumbers[0], "", $"нет столбца «{IntakeColumns.Code}» или «{IntakeColumns.Name}» — по ним находятся организации"));
                continue;
            }
            recognisedSheets++;

            var rowOf = new Dictionary<int, int>();
            for (var r = 1; r < sheet.Rows.Count; r++)
            {
                rows++;
                var cells = sheet.Rows[r];
                var rowNumber = sheet.RowNumbers[r];
                string? Cell(int index) => index >= 0 && index < cells.Length ? cells[index]?.Trim() : null;
                void Problem(int column, string message) =>
                    problems.Add(new(sheet.Name, rowNumber, column >= 0 && columns[column] is { } c ? IntakeColumns.Quoted(c.Header) : "", message));

                var where = othersExist ? "среди организаций, данные которых вы вносите" : "в муниципалитете";
                var organisation = Match(Cell(codeColumn), Cell(nameColumn), organisations, byName, where, out var matchProblem);
                if (organisation is null)
                {
                    Problem(codeColumn >= 0 && !string.IsNullOrEmpty(Cell(codeColumn)) ? codeColumn : nameColumn, matchProblem!);
                    continue;
                }
                if (rowOf.TryGetValue(organisation.Id, out var firstRow))
                {
                    Problem(nameColumn >= 0 ? nameColumn : codeColumn, $"организация «{organisation.Name}» уже есть в строке {firstRow}");
                    continue;
                }
                rowOf[organisation.Id] = rowNumber;

                var figures = values.TryGetValue(organisation.Id, out var f) ? f : values[organisation.Id] = [];
                for (var i = 0; i < columns.Length; i++)
                {
                    if (columns[i] is not { Indicator: { } indicator } column)
                        continue;
                    var text = Cell(i);
                    if (string.IsNullOrEmpty(text))
                        continue; // an empty cell leaves the figure as it is
                    if (ParseCell(column, text) is not { } parsed)
                    {
                        Problem(i, $"{Expected(column)}, получено «{Shorten(text)}»");
                        continue;
                    }
                    var current = figures.GetValueOrDefault(indicator.Code);
                    locations[(organisation.Id, indicator.Code)] = (sheet.Name, rowNumber);
                    figures[indicator.Code] = column.Part switch
                    {
                        FigurePart.Whole => current with { Denominator = parsed.Number },
                        FigurePart.Part => current with { Numerator = parsed.Number },
                        _ when indicator.Kind == IndicatorKind.Fact => Figure.Fact(parsed.Number == 1),
                        _ when indicator.Kind == IndicatorKind.Level => Figure.Level(parsed.Level!.Value),
                        _ => Figure.Count(parsed.Number!.Value),
                    };
                }
            }
        }

        if (recognisedSheets == 0 && problems.Count == 0)
            problems.Add(new("", 0, "", "в файле нет ни одного листа шаблона мониторинга"));

        // Whole-figure rules (a part above its whole, half a share) once both columns are read.
        foreach (var (organisationId, figures) in values)
        {
            foreach (var (code, figure) in figures)
                foreach (var problem in FigureRules.Check(IndicatorCatalogue.Get(code), figure))
                {
                    var header = IntakeColumns.ColumnsOf(problem.Indicator).First(c => c.Part == problem.Part || problem.Part == FigurePart.Value).Header;
                    var (sheet, row) = locations[(organisationId, code)];
                    problems.Add(new(sheet, row, IntakeColumns.Quoted(header), problem.Message));
                }
        }
        return new Parsed(values, problems, rows);
    }

    private readonly record struct CellValue(decimal? Number, int? Level);

    private static CellValue? ParseCell(IntakeColumn column, string text)
    {
        var indicator = column.Indicator!;
        if (indicator.Kind == IndicatorKind.Level)
        {
            var level = indicator.Levels!.FirstOrDefault(l => string.Equals(l.Name, text, StringComparison.OrdinalIgnoreCase));
            return level is null ? null : new CellValue(null, level.Code);
        }
        var cleaned = text.Replace('\u00A0', ' ').Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            || number < 0 || number != decimal.Truncate(number) || number > FigureRules.MaxCount)
            return null;
        if (indicator.Kind == IndicatorKind.Fact && number is not (0 or 1))
            return null;
        return new CellValue(number, null);
    }

    private static string Expected(IntakeColumn column) => column.Indicator!.Kind switch
    {
        IndicatorKind.Fact => "ожидается 0 или 1",
        IndicatorKind.Level => "ожидается одно из значений: " + string.Join(", ", column.Indicator.Levels!.Select(l => $"«{l.Name}»")),
        _ => "ожидается целое число от 0 до 1 000 000",
    };

    private static Domain.Territories.Organisation? Match(string? code, string? name, IReadOnlyList<Domain.Territories.Organisation> organisations,
        Dictionary<string, List<Domain.Territories.Organisation>> byName, string where, out string? problem)
    {
        problem = null;
        if (!string.IsNullOrEmpty(code))
        {
            if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && organisations.FirstOrDefault(o => o.Id == id) is { } byCode)
                return byCode;
            problem = $"организация с кодом «{Shorten(code)}» не найдена {where}";
            return null;
        }
        if (string.IsNullOrEmpty(name))
        {
            problem = "не указаны ни код, ни название организации";
            return null;
        }
        if (byName.TryGetValue(Normalise(name), out var found))
        {
            if (found.Count == 1)
                return found[0];
            problem = $"название «{Shorten(name)}» подходит к нескольким организациям — укажите код";
            return null;
        }
        problem = $"организация «{Shorten(name)}» не найдена {where}";
        return null;
    }

    /// <summary>
    /// Names and headers as people type them: case, ё/е, any quotes («ёлочки», "лапки"), № / N / No before a number,
    /// and spaces do not matter.
    /// </summary>
    public static string Normalise(string text)
    {
        var s = text.ToLowerInvariant().Replace('ё', 'е');
        s = Quotes().Replace(s, "");
        s = NumberSign().Replace(s, "№");
        return Spaces().Replace(s, " ").Trim().Replace("№ ", "№", StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex("[«»\"“”„'‘’`]")]
    private static partial Regex Quotes();

    // "N 5", "N5", "No. 5", "№5" all become "№5"; Latin N or Cyrillic Н before digits only.
    [GeneratedRegex(@"(?<![\p{L}])(?:№|n|н|no\.?)\s*(?=\d)")]
    private static partial Regex NumberSign();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Import of «{File}» ({Bytes} bytes) refused: {Refusal}")]
    private static partial void LogRefused(Microsoft.Extensions.Logging.ILogger logger, string file, int bytes, string refusal);
}
