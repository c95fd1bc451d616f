using System.Text.Json;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Intake;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>An organisation's report in a campaign as the curator's form shows it.</summary>
public sealed record ReportForm(
    CampaignInfo Campaign,
    OrganisationInfo Organisation,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<string, Figure> Values,
    SubmissionState State,
    int Version,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    string? ReadOnlyReason,
    CampaignInfo? CarriedFrom = null,
    bool HasUnsentCorrections = false)
{
    public bool CanEdit => ReadOnlyReason is null;

    /// <summary>A round loaded from a published report: its figures were printed, not submitted («не приступили» would be false).</summary>
    public bool FromPublishedReport => Campaign.Source != Mentoring.Domain.Monitoring.Campaign.CollectedInSystem;
}

/// <summary>What became of a save: saved (with the new version), refused as invalid, or in conflict with someone else's save.</summary>
public abstract record SaveOutcome
{
    public sealed record Saved(int Version, int ChangedFigures) : SaveOutcome;
    public sealed record Invalid(IReadOnlyList<FigureProblem> Problems) : SaveOutcome;
    public sealed record Conflict(string UpdatedBy, DateTimeOffset UpdatedAt) : SaveOutcome;

    /// <summary>The report cannot be changed any more, e.g. the campaign was closed while the form was open.</summary>
    public sealed record Refused(string Reason) : SaveOutcome;

    /// <summary>The database stayed locked by another write for the whole timeout: nothing saved, try again.</summary>
    public sealed record Busy(string Message) : SaveOutcome;

    /// <summary>The database could not be reached (<see cref="DatabaseOutage"/>): nothing saved, the form retries by itself.</summary>
    public sealed record Unreachable : SaveOutcome;

    /// <summary>
    /// These very figures are already submitted by this user: an earlier submit committed while its answer was lost
    /// (the connection went at that moment), and this try met it. Nothing written again.
    /// </summary>
    public sealed record AlreadySubmitted(int Version) : SaveOutcome;
}

/// <summary>
/// The curator's form: reads an organisation's figures for a campaign, keeps the draft as it is typed, and submits
/// it (validated, in one transaction, announced to open dashboards). Every call checks the user's scope here.
/// </summary>
public sealed class OrganisationReports(
    ScopedDbContextFactory contextFactory,
    TerritoryGuard guard,
    MonitoringQueries queries,
    IFigureChangeFeed feed,
    AuditLog audit,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions DraftJson = new() { IgnoreReadOnlyProperties = true };

    public async Task<ReportForm> GetAsync(int campaignId, int organisationId, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Organisation(organisationId), TerritoryAccessRequirement.Detail, ct);
        var organisation = await queries.GetOrganisationAsync(organisationId, ct) ?? throw new TerritoryAccessDeniedException();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        if (campaign.State == CampaignState.Draft)
            throw new TerritoryAccessDeniedException(); // not open to organisations yet
        var submission = await db.Submissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.CampaignId == campaignId && s.OrganisationId == organisationId, ct);

        var indicators = campaign.CollectedIndicators;
        IReadOnlyDictionary<string, Figure> values;
        // The draft, where there is one: a report in progress, or corrections to a submitted one.
        if (submission is { DraftJson: { } draft })
            values = JsonSerializer.Deserialize<Dictionary<string, Figure>>(draft, DraftJson) ?? [];
        else
        {
            var existing = await ObservationWriter.ExistingAsync(db, campaignId, [organisationId], ct);
            values = existing.Values.ToDictionary(o => o.IndicatorCode, o => o.Figure);
        }

        // A report not started yet begins from the organisation's figures in its latest earlier closed round, to check and update.
        CampaignInfo? carriedFrom = null;
        if (submission is null && values.Count == 0 && campaign.State == CampaignState.Collecting)
            (values, carriedFrom) = await EarlierFiguresAsync(db, campaign, organisationId, ct);

        var info = new CampaignInfo(campaign.Id, campaign.Title, campaign.AsOf, campaign.Source, campaign.State);
        return new ReportForm(info, organisation, indicators, values, submission?.State ?? SubmissionState.NotStarted,
            submission?.Version ?? 0, submission?.UpdatedBy, submission?.UpdatedAt,
            ReadOnlyReason(await guard.ScopeAsync(), campaign, organisation), carriedFrom, submission?.HasUnsentCorrections == true);
    }

    /// <summary>Keeps what has been typed so far; not validated (a draft may be half-done) and not yet in any figure.</summary>
    public Task<SaveOutcome> SaveDraftAsync(int campaignId, int organisationId, IReadOnlyDictionary<string, Figure> values, int expectedVersion, CancellationToken ct = default) =>
        UnlessUnreachableAsync(() => SaveDraftOnceAsync(campaignId, organisationId, values, expectedVersion, ct));

    /// <summary>Validates every figure, then writes them and marks the report submitted, all or nothing.</summary>
    public Task<SaveOutcome> SubmitAsync(int campaignId, int organisationId, IReadOnlyDictionary<string, Figure> values, int expectedVersion, CancellationToken ct = default) =>
        UnlessUnreachableAsync(() => SubmitOnceAsync(campaignId, organisationId, values, expectedVersion, ct));

    /// <summary>An outage is an outcome the form handles (it keeps the values and retries), not an error page.</summary>
    private static async Task<SaveOutcome> UnlessUnreachableAsync(Func<Task<SaveOutcome>> save)
    {
        try
        {
            return await save();
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            return new SaveOutcome.Unreachable();
        }
    }

    private async Task<SaveOutcome> SaveDraftOnceAsync(int campaignId, int organisationId, IReadOnlyDictionary<string, Figure> values, int expectedVersion, CancellationToken ct)
    {
        var (db, campaign, organisation, refusal) = await OpenForWriteAsync(campaignId, organisationId, ct);
        await using (db)
        {
            if (refusal is not null)
                return new SaveOutcome.Refused(refusal);
            var submission = await SubmissionAsync(db, campaignId, organisationId, ct);
            var collected = campaign.CollectedIndicators.Select(i => i.Code).ToHashSet();
            var draftJson = JsonSerializer.Serialize(values.Where(v => collected.Contains(v.Key)).ToDictionary(), DraftJson);
            var user = await UserNameAsync();
            if (submission.Version != expectedVersion)
            {
                // A save that committed while its answer was lost (the database went away at that moment) comes back as
                // the retry's «conflict» with itself: the same user's same draft is already saved, and says so. So does
                // a submit of what is typed, whose retry is this draft.
                if (submission.DraftJson == draftJson && submission.UpdatedBy == user)
                    return new SaveOutcome.Saved(submission.Version, 0);
                return await IsSubmittedAlreadyAsync(db, campaign, submission, values, user, ct)
                    ? new SaveOutcome.AlreadySubmitted(submission.Version)
                    : new SaveOutcome.Conflict(submission.UpdatedBy, submission.UpdatedAt);
            }
            submission.SaveDraft(draftJson, user, clock.GetUtcNow());
            return await SaveAsync(db, submission, changed: 0, ct);
        }
    }

    private async Task<SaveOutcome> SubmitOnceAsync(int campaignId, int organisationId, IReadOnlyDictionary<string, Figure> values, int expectedVersion, CancellationToken ct)
    {
        var (db, campaign, organisation, refusal) = await OpenForWriteAsync(campaignId, organisationId, ct);
        await using (db)
        {
            if (refusal is not null)
                return new SaveOutcome.Refused(refusal);
            var problems = Validate(campaign.CollectedIndicators, values);
            if (problems.Count > 0)
                return new SaveOutcome.Invalid(problems);

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var submission = await SubmissionAsync(db, campaignId, organisationId, ct);
                var user = await UserNameAsync();
                if (submission.Version != expectedVersion)
                {
                    return await IsSubmittedAlreadyAsync(db, campaign, submission, values, user, ct)
                        ? new SaveOutcome.AlreadySubmitted(submission.Version)
                        : new SaveOutcome.Conflict(submission.UpdatedBy, submission.UpdatedAt);
                }

                var reported = campaign.CollectedIndicators.ToDictionary(i => i.Code, i => values.GetValueOrDefault(i.Code));
                var existing = await ObservationWriter.ExistingAsync(db, campaignId, [organisationId], ct);
                var added = new List<Observation>();
                var changes = ObservationWriter.Apply(db, campaign, organisation, reported, existing, $"Форма организации ({user})", added);
                submission.Submit(user, clock.GetUtcNow());
                db.AuditEntries.Add(await audit.EntryAsync(AuditActions.DataChanged,
                    $"{organisation.Name} ({organisation.Municipality.Name}), мониторинг на {Format.Date(campaign.AsOf)}",
                    (campaign.State == CampaignState.Closed ? "Исправление закрытого мониторинга. " : "")
                    + $"Отправлены данные организации: изменено показателей {changes.Count}. "
                    + string.Join("; ", changes.Select(c => $"«{c.Indicator.ShortName}»: {Describe(c.Indicator, c.Before)} → {Describe(c.Indicator, c.After)}"))));
                var outcome = await SaveAsync(db, submission, changes.Count, ct, added);
                if (outcome is not SaveOutcome.Saved)
                    return outcome;
                var change = await feed.AnnounceAsync(db, new FigureChange(campaignId, campaign.RegionId,
                    new HashSet<int> { organisation.MunicipalityId }, new HashSet<int> { organisationId }), ct);
                await feed.CommitAndTellAsync(transaction, change);
                return outcome;
            }
            catch (Exception e) when (DatabaseBusy.Is(e))
            {
                // SQLite takes its write lock when the transaction begins: a lock held elsewhere ends here, nothing written.
                return new SaveOutcome.Busy(DatabaseBusy.Message);
            }
        }
    }

    /// <summary>Every collected indicator must be filled in and pass <see cref="FigureRules"/>.</summary>
    public static List<FigureProblem> Validate(IReadOnlyList<Indicator> indicators, IReadOnlyDictionary<string, Figure> values)
    {
        var problems = new List<FigureProblem>();
        foreach (var indicator in indicators)
        {
            var figure = values.GetValueOrDefault(indicator.Code);
            if (FigureRules.IsEmpty(figure))
            {
                problems.Add(new FigureProblem(indicator, indicator.Kind == IndicatorKind.Share ? FigurePart.Whole : FigurePart.Value, "заполните поле"));
                continue;
            }
            problems.AddRange(FigureRules.Check(indicator, figure));
        }
        return problems;
    }

    private static async Task<(IReadOnlyDictionary<string, Figure> Values, CampaignInfo? From)> EarlierFiguresAsync(
        MentoringDbContext db, Campaign campaign, int organisationId, CancellationToken ct)
    {
        var codes = campaign.CollectedIndicators.Select(i => i.Code).ToList();
        var earlier = await db.Observations.AsNoTracking()
            .Where(o => o.OrganisationId == organisationId && o.Level == ObservationLevel.Organisation && codes.Contains(o.IndicatorCode)
                        && o.Campaign.RegionId == campaign.RegionId && o.Campaign.AsOf < campaign.AsOf && o.Campaign.State == CampaignState.Closed)
            .Select(o => o.Campaign)
            .OrderByDescending(c => c.AsOf)
            .Select(c => new CampaignInfo(c.Id, c.Title, c.AsOf, c.Source, c.State))
            .FirstOrDefaultAsync(ct);
        if (earlier is null)
            return (new Dictionary<string, Figure>(), null);
        var figures = await ObservationWriter.ExistingAsync(db, earlier.Id, [organisationId], ct);
        return (figures.Values.Where(o => codes.Contains(o.IndicatorCode)).ToDictionary(o => o.IndicatorCode, o => o.Figure), earlier);
    }

    /// <summary>The context to write with, or why the report cannot be changed (a user outside the scope is refused outright).</summary>
    private async Task<(MentoringDbContext Db, Campaign Campaign, Domain.Territories.Organisation Organisation, string? Refusal)> OpenForWriteAsync(
        int campaignId, int organisationId, CancellationToken ct)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Organisation(organisationId), TerritoryAccessRequirement.Detail, ct);
        var db = await contextFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.Include(c => c.Region).SingleAsync(c => c.Id == campaignId, ct);
        var organisation = await db.Organisations.Include(o => o.Municipality).SingleAsync(o => o.Id == organisationId, ct);
        var info = new OrganisationInfo(organisation.Id, organisation.Name, organisation.Kind, organisation.IsSynthetic,
            organisation.MunicipalityId, organisation.Municipality.Name, organisation.Municipality.RegionId, "");
        var scope = await guard.ScopeAsync();
        if (!IntakeRules.MayReport(scope, new TerritoryPath(info.RegionId, info.MunicipalityId, info.Id)))
        {
            await db.DisposeAsync();
            throw new TerritoryAccessDeniedException();
        }
        var refusal = await guard.IsAccountCurrentAsync(ct) ? ReadOnlyReason(scope, campaign, info) : AccountStamp.ChangedMessage;
        return (db, campaign, organisation, refusal);
    }

    /// <summary>Why the user cannot change this report, or null when they can.</summary>
    private static string? ReadOnlyReason(UserScope user, Campaign campaign, OrganisationInfo organisation)
    {
        if (!IntakeRules.MayReport(user, new TerritoryPath(organisation.RegionId, organisation.MunicipalityId, organisation.Id)))
            return "Ваша роль не предусматривает ввод данных этой организации.";
        return IntakeRules.WhyRoundIsReadOnly(user, campaign);
    }

    /// <summary>
    /// Whether the report stands submitted by this user with exactly these figures and no corrections since: what a
    /// submit that committed while its answer was lost leaves behind, so its retry is no conflict with the user's own.
    /// </summary>
    private static async Task<bool> IsSubmittedAlreadyAsync(MentoringDbContext db, Campaign campaign, Submission submission,
        IReadOnlyDictionary<string, Figure> values, string user, CancellationToken ct)
    {
        if (submission is not { State: SubmissionState.Submitted, DraftJson: null } || submission.UpdatedBy != user)
            return false;
        var stored = await ObservationWriter.ExistingAsync(db, campaign.Id, [submission.OrganisationId], ct);
        return campaign.CollectedIndicators.All(i =>
            stored.GetValueOrDefault((submission.OrganisationId, i.Code))?.Figure == (values.TryGetValue(i.Code, out var typed) ? typed : null));
    }

    private static async Task<Submission> SubmissionAsync(MentoringDbContext db, int campaignId, int organisationId, CancellationToken ct)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.CampaignId == campaignId && s.OrganisationId == organisationId, ct);
        if (submission is null)
        {
            submission = new Submission(campaignId, organisationId);
            db.Submissions.Add(submission);
        }
        return submission;
    }

    /// <summary>The version check above catches most conflicts; the database's catches the race between read and write.</summary>
    private static async Task<SaveOutcome> SaveAsync(MentoringDbContext db, Submission submission, int changed, CancellationToken ct,
        IReadOnlyCollection<Observation>? added = null)
    {
        try
        {
            await ObservationWriter.SaveAsync(db, added ?? [], ct);
            return new SaveOutcome.Saved(submission.Version, changed);
        }
        catch (Exception e) when (DatabaseBusy.Is(e))
        {
            return new SaveOutcome.Busy(DatabaseBusy.Message);
        }
        // A connection lost during the write itself is an outage (the caller keeps the values and retries), not a
        // conflict: taken for one, it stopped the form saving, naming nobody as the other writer.
        catch (DbUpdateException e) when (!DatabaseOutage.Is(e))
        {
            // A concurrency failure, or the unique (campaign, organisation) index when both created the report at once.
            // PostgreSQL reads nothing more in a failed transaction: it ends here, with nothing written.
            if (db.Database.CurrentTransaction is { } failed)
                await failed.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.Submissions.AsNoTracking()
                .SingleOrDefaultAsync(s => s.CampaignId == submission.CampaignId && s.OrganisationId == submission.OrganisationId, ct);
            return new SaveOutcome.Conflict(current?.UpdatedBy ?? "", current?.UpdatedAt ?? default);
        }
    }

    private async Task<string> UserNameAsync() => (await currentUser.GetAsync()).Identity?.Name ?? "—";

    /// <summary>A figure as the audit log records it, in words: «12 из 40» for a share, «да» / «нет» for a fact, the level by name.</summary>
    public static string Describe(Indicator indicator, Figure? figure) => figure is not { } f ? "—"
        : f.LevelCode is { } l ? Format.Level(indicator, l)
        : indicator.Kind == IndicatorKind.Fact ? Format.YesNo(f)
        : f.Denominator is { } d ? $"{Format.Number(f.Numerator)} из {Format.Number(d)}"
        : Format.Number(f.Value ?? f.Numerator);
}
