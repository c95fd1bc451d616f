using System.Globalization;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Intake;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Model;

/// <summary>
/// The curator's form (<c>Components/Pages/Intake/ReportFormPage.razor</c>) as state and behaviour: what was typed,
/// each field's check, a draft saved a second after the last keystroke, the submission, and what the user is told when
/// a save conflicts, is refused or cannot reach the database. The page only renders it; the browser's copy of unsaved
/// typing (assets/js/unsaved.js) stays with the page, which hears of confirmed saves through <see cref="Saved"/>.
/// </summary>
public sealed class ReportFormModel(OrganisationReports reports, UserClock clock, TimeProvider time, IModelHost host)
{
    /// <summary>How long after the last keystroke the draft is saved: a lost connection loses at most that.</summary>
    public static readonly TimeSpan DraftDelay = TimeSpan.FromSeconds(1);
    /// <summary>How soon a draft that could not reach the database is tried again.</summary>
    public static readonly TimeSpan DraftRetry = TimeSpan.FromSeconds(2);
    private const string Unsaved = "Изменения не сохранены…";

    private readonly Dictionary<string, string> texts = [];
    private Dictionary<string, List<string>> problems = [];
    private readonly SemaphoreSlim saving = new(1, 1);
    private CancellationTokenSource? pendingSave;
    private int version;

    public ReportForm? Form { get; private set; }
    /// <summary>The round and organisation the form belongs to: every save goes there, whatever the URL says by then.</summary>
    public (int Campaign, int Organisation) Loaded { get; private set; }
    public SubmissionState State { get; private set; }
    /// <summary>A submitted report with a newer draft: the sent figures count until the draft is sent.</summary>
    public bool UnsentCorrections { get; private set; }
    public SaveOutcome.Conflict? Conflict { get; private set; }
    public string? SaveStatus { get; private set; }
    public string? SubmitMessage { get; private set; }
    public bool SubmitFailed { get; private set; }
    public bool Busy { get; private set; }
    public string? RestoredMessage { get; private set; }

    /// <summary>A save the server confirmed, with the texts it was made from (the browser's copy of them can go).</summary>
    public Func<IReadOnlyDictionary<string, string>, Task>? Saved { get; set; }

    /// <summary>Loads a form; typing not saved yet in the form on screen is first saved to the form it was typed in.</summary>
    public async Task OpenAsync(int campaignId, int organisationId)
    {
        if (Form is not null && Loaded != (campaignId, organisationId) && pendingSave is { IsCancellationRequested: false } pending)
        {
            pending.Cancel();
            await SaveDraftAsync();
        }
        await LoadAsync(campaignId, organisationId);
    }

    private async Task LoadAsync(int campaignId, int organisationId)
    {
        var form = await reports.GetAsync(campaignId, organisationId);
        Form = form;
        Loaded = (campaignId, organisationId);
        pendingSave = null;
        version = form.Version;
        State = form.State;
        UnsentCorrections = form.HasUnsentCorrections;
        texts.Clear();
        foreach (var indicator in form.Indicators)
        {
            var figure = form.Values.GetValueOrDefault(indicator.Code);
            foreach (var part in Parts(indicator))
                texts[Key(indicator, part)] = TextOf(indicator, part, figure);
        }
        problems = [];
        Conflict = null;
        RestoredMessage = null;
        // Another organisation's form in the same tab starts clean: the last one's «Данные отправлены» is not its own.
        SubmitMessage = null;
        SubmitFailed = false;
        SaveStatus = form.UpdatedAt is { } at ? $"Последнее сохранение: {clock.DateAndTime(at)}, {form.UpdatedBy}" : null;
    }

    public static string Key(Indicator indicator, FigurePart part) => $"{indicator.Code}-{part}".ToLowerInvariant();

    public static IEnumerable<FigurePart> Parts(Indicator indicator) =>
        indicator.Kind == IndicatorKind.Share ? [FigurePart.Whole, FigurePart.Part] : [FigurePart.Value];

    public string Text(Indicator indicator, FigurePart part) => texts.GetValueOrDefault(Key(indicator, part)) ?? "";

    public bool IsInvalid(Indicator indicator, FigurePart part) => problems.ContainsKey(Key(indicator, part));

    public IEnumerable<string> Messages(Indicator indicator) =>
        Parts(indicator).SelectMany(p => problems.GetValueOrDefault(Key(indicator, p)) ?? []).Distinct();

    /// <summary>A field typed in: checked at once, and the draft saved <see cref="DraftDelay"/> after the last keystroke.</summary>
    public void Change(Indicator indicator, FigurePart part, string? text)
    {
        texts[Key(indicator, part)] = text?.Trim() ?? "";
        SubmitMessage = null;
        foreach (var p in Parts(indicator))
            problems.Remove(Key(indicator, p));
        var figure = Values().GetValueOrDefault(indicator.Code);
        foreach (var problem in FigureRules.Check(indicator, figure))
            Add(Key(indicator, problem.Part == FigurePart.Value ? part : problem.Part), problem.Message);
        ScheduleDraftSave(DraftDelay, Unsaved);
    }

    /// <summary>
    /// Values typed in this browser that the server never confirmed (the connection, the instance or the database went
    /// away first) come back into the form, are checked as if typed, and are saved as a draft. Returns how many came back.
    /// </summary>
    public int Restore(IReadOnlyDictionary<string, string> kept)
    {
        if (Form is not { CanEdit: true } form || Conflict is not null)
            return 0;
        var restored = 0;
        foreach (var indicator in form.Indicators)
        {
            foreach (var part in Parts(indicator))
            {
                if (kept.TryGetValue(Key(indicator, part), out var text) && text.Trim() != Text(indicator, part))
                {
                    Change(indicator, part, InputText.Line(text));
                    restored++;
                }
            }
        }
        if (restored > 0)
            RestoredMessage = $"{Format.Agreeing(restored, "Восстановлено", "Восстановлены")} {Format.Plural(restored, "значение", "значения", "значений")}, "
                              + Format.Agreeing(restored, "введённое в этом браузере, но не сохранённое", "введённые в этом браузере, но не сохранённые")
                              + " на сервере из-за обрыва связи. Проверьте их: черновик сохраняется.";
        return restored;
    }

    public async Task SubmitAsync()
    {
        pendingSave?.Cancel();
        Busy = true;
        SaveOutcome outcome;
        await saving.WaitAsync();
        try
        {
            var sent = new Dictionary<string, string>(texts);
            outcome = await reports.SubmitAsync(Loaded.Campaign, Loaded.Organisation, Values(), version);
            Apply(outcome, draft: false);
            SayIfTypedMeanwhile(outcome, sent);
            if (outcome is (SaveOutcome.Saved or SaveOutcome.AlreadySubmitted) && Saved is not null)
                await Saved(sent);
        }
        finally
        {
            saving.Release();
            Busy = false;
        }
        if (outcome is SaveOutcome.Invalid)
            await SaveDraftAsync(); // what was typed is kept while the user corrects it
    }

    /// <summary>The user chose the other person's data over their own: the form shows what is saved now.</summary>
    public Task DiscardMineAsync() => LoadAsync(Loaded.Campaign, Loaded.Organisation);

    /// <summary>An explicit choice to overwrite: the draft is saved against the other person's version.</summary>
    public async Task KeepMineAsync()
    {
        var latest = await reports.GetAsync(Loaded.Campaign, Loaded.Organisation);
        version = latest.Version;
        Conflict = null;
        await SaveDraftAsync();
    }

    /// <summary>The page is gone: a draft not due yet is not saved by a timer nobody watches.</summary>
    public void Close() =>
        // The semaphore is not disposed: a save still running releases it afterwards (it holds no handle to free).
        pendingSave?.Cancel();

    /// <summary>The figures typed so far; a cell that is not a number yet is left out (and flagged at the field).</summary>
    private Dictionary<string, Figure> Values()
    {
        var values = new Dictionary<string, Figure>();
        foreach (var indicator in Form!.Indicators)
        {
            decimal? Number(FigurePart part) => decimal.TryParse(Text(indicator, part), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var n) ? n : null;
            var figure = indicator.Kind switch
            {
                IndicatorKind.Share => new Figure(Number(FigurePart.Part), Number(FigurePart.Whole), null),
                IndicatorKind.Count => new Figure(null, null, Number(FigurePart.Value)),
                IndicatorKind.Fact => Number(FigurePart.Value) is { } f ? Figure.Fact(f == 1) : default,
                // Only one of the listed levels: a tampered value (99999999999) counts as not chosen, it does not crash the form.
                _ => Number(FigurePart.Value) is { } l && indicator.Levels!.Any(o => o.Code == l) ? Figure.Level((int)l) : default,
            };
            if (!FigureRules.IsEmpty(figure))
                values[indicator.Code] = figure;
        }
        return values;
    }

    private static string TextOf(Indicator indicator, FigurePart part, Figure figure)
    {
        decimal? value = indicator.Kind switch
        {
            IndicatorKind.Share => part == FigurePart.Whole ? figure.Denominator : figure.Numerator,
            IndicatorKind.Count => figure.Value,
            IndicatorKind.Fact => figure.Numerator,
            _ => figure.LevelCode,
        };
        return value?.ToString("0", CultureInfo.InvariantCulture) ?? "";
    }

    private void Add(string key, string message)
    {
        if (!problems.TryGetValue(key, out var list))
            problems[key] = list = [];
        list.Add(message);
    }

    private void ScheduleDraftSave(TimeSpan after, string status)
    {
        pendingSave?.Cancel();
        var cts = pendingSave = new CancellationTokenSource();
        var typedIn = Loaded;
        SaveStatus = status;
        host.RunInBackground(async () =>
        {
            await Task.Delay(after, time, cts.Token);
            // Another form loaded meanwhile: its navigation saved this typing already, and this form is not that one.
            await host.InvokeAsync(async () =>
            {
                if (Loaded != typedIn || cts.IsCancellationRequested)
                    return;
                await SaveDraftAsync();
                host.Refresh();
            });
        });
    }

    private async Task SaveDraftAsync()
    {
        if (Conflict is not null || Form is null)
            return;
        await saving.WaitAsync();
        try
        {
            var sent = new Dictionary<string, string>(texts);
            var outcome = await reports.SaveDraftAsync(Loaded.Campaign, Loaded.Organisation, Values(), version);
            Apply(outcome, draft: true);
            SayIfTypedMeanwhile(outcome, sent);
            if (outcome is (SaveOutcome.Saved or SaveOutcome.AlreadySubmitted) && Saved is not null)
                await Saved(sent);
        }
        finally
        {
            saving.Release();
        }
    }

    /// <summary>
    /// Typing that reached the form while a save was being written is not in it: the status does not call it saved (its
    /// own draft is due <see cref="DraftDelay"/> after it).
    /// </summary>
    private void SayIfTypedMeanwhile(SaveOutcome outcome, Dictionary<string, string> sent)
    {
        if (outcome is SaveOutcome.Saved or SaveOutcome.AlreadySubmitted && texts.Any(t => sent.GetValueOrDefault(t.Key) != t.Value))
            SaveStatus = Unsaved;
    }

    private void Apply(SaveOutcome outcome, bool draft)
    {
        var now = clock.TimeOfDay(time.GetUtcNow());
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                version = saved.Version;
                if (draft)
                {
                    // A submitted report stays submitted: the draft holds the corrections until they are sent.
                    UnsentCorrections = State == SubmissionState.Submitted;
                    State = UnsentCorrections ? SubmissionState.Submitted : SubmissionState.InProgress;
                    SaveStatus = $"Черновик сохранён в {now}";
                }
                else
                {
                    State = SubmissionState.Submitted;
                    UnsentCorrections = false;
                    problems = [];
                    SubmitFailed = false;
                    SubmitMessage = $"Данные отправлены в {now}. Показатели организации, муниципалитета и региона обновлены.";
                    SaveStatus = null;
                }
                break;
            case SaveOutcome.AlreadySubmitted already:
                // The earlier submit went through though its answer was lost: the form says so instead of failing.
                version = already.Version;
                State = SubmissionState.Submitted;
                UnsentCorrections = false;
                problems = [];
                SubmitFailed = false;
                SubmitMessage = "Данные отправлены: связь с базой данных прерывалась, но отправка дошла. Показатели организации, муниципалитета и региона обновлены.";
                SaveStatus = null;
                break;
            case SaveOutcome.Invalid invalid:
                problems = [];
                foreach (var problem in invalid.Problems)
                    Add(Key(problem.Indicator, problem.Part), problem.Message);
                SubmitFailed = true;
                SubmitMessage = $"Данные не отправлены: проверьте {Format.Plural(problems.Count, "поле", "поля", "полей")}, "
                                + $"{Format.Agreeing(problems.Count, "отмеченное", "отмеченные")} красным.";
                break;
            case SaveOutcome.Conflict conflict:
                Conflict = conflict;
                SaveStatus = null;
                break;
            case SaveOutcome.Busy busy:
                // Nothing was written and the form keeps what was typed: the user may simply send it again.
                SubmitFailed = true;
                SubmitMessage = busy.Message;
                SaveStatus = "Изменения не сохранены: база данных занята";
                break;
            case SaveOutcome.Unreachable:
                // The server's fault, not the user's: the form keeps every value and saves the draft once the database answers.
                // A submit's answer may have been lost after its commit: the draft's retry finds that out (AlreadySubmitted).
                if (!draft)
                {
                    SubmitFailed = true;
                    SubmitMessage = "Нет связи с базой данных: отправка не подтверждена, данные остались в форме. Когда связь вернётся, форма сохранит их и скажет, дошла ли отправка; если нет, нажмите «Отправить данные» ещё раз.";
                }
                ScheduleDraftSave(DraftRetry, "Нет связи с базой данных: изменения остались в форме, повторяем сохранение…");
                break;
            case SaveOutcome.Refused refused:
                // Closed while the form was open: say so and stop accepting input; nothing was saved.
                Form = Form! with { ReadOnlyReason = refused.Reason };
                SubmitFailed = true;
                SubmitMessage = $"Данные не отправлены. {refused.Reason}";
                SaveStatus = null;
                break;
        }
    }
}
