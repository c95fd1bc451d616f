using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>A campaign with how far its collection is.</summary>
/// <param name="Source">Where its figures come from: <see cref="Campaign.CollectedInSystem"/>, or the published report.</param>
public sealed record CampaignOverview(
    int Id, int RegionId, string RegionName, string Title, DateOnly AsOf, CampaignState State, int IndicatorCount,
    int Organisations, int Submitted, int InProgress, bool MayManage, bool MayReopen = false, string Source = Campaign.CollectedInSystem,
    DateOnly? Deadline = null)
{
    /// <summary>Whether the deadline has passed with reports still missing, as of <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => State == CampaignState.Collecting && Deadline < today && Submitted < Organisations;

    /// <summary>A round loaded from a published report: nothing was collected, so «сдали 0» would be false.</summary>
    public bool FromPublishedReport => Source != Campaign.CollectedInSystem;
}

/// <summary>Collection progress of one municipality: "сдали 87 из 111".</summary>
/// <param name="InDetail">Whether the user may open its organisations' list (a municipal head: their own only).</param>
public sealed record MunicipalityProgress(int Id, string Name, MunicipalityKind Kind, int Organisations, int Submitted, int InProgress, bool InDetail = true)
{
    public int NotStarted => Organisations - Submitted - InProgress;
}

/// <summary>One organisation's report state, for the municipality's list.</summary>
public sealed record OrganisationProgress(int Id, string Name, OrganisationKind Kind, SubmissionState State, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>One organisation on the «Кто не сдал» list: its state and who to call about it.</summary>
public sealed record ChaseRow(
    int MunicipalityId, string MunicipalityName, int OrganisationId, string OrganisationName, SubmissionState State,
    string? UpdatedBy, DateTimeOffset? UpdatedAt, IReadOnlyList<(string Name, string Email)> Curators);

public sealed record OpenCampaignRequest(int RegionId, string Title, DateOnly? AsOf, IReadOnlyList<string> IndicatorCodes);

/// <summary>
/// Campaign lifecycle (draft → collecting → closed) and collection progress. Opening, starting and closing is for
/// administrators and the region's officials; progress is for whoever sees the region in detail.
/// </summary>
public sealed class CampaignAdministration(
    ScopedDbContextFactory contextFactory, TerritoryGuard guard, AuditLog audit, TimeProvider clock, IFigureChangeFeed feed)
{
    /// <summary>Campaigns of the regions the user sees; drafts only for those who manage them.</summary>
    public Task<IReadOnlyList<CampaignOverview>> ListAsync(CancellationToken ct = default) => OverviewsAsync(null, ct);

    /// <summary>One campaign's overview (the region page asks for it on every live update, so only its figures are counted).</summary>
    public async Task<CampaignOverview> GetAsync(int campaignId, CancellationToken ct = default) =>
        (await OverviewsAsync(campaignId, ct)).SingleOrDefault() ?? throw new TerritoryAccessDeniedException();

    private async Task<IReadOnlyList<CampaignOverview>> OverviewsAsync(int? campaignId, CancellationToken ct)
    {
        var scope = await guard.ScopeAsync();
        var visible = await guard.VisibleRegionsAsync();
        var (everyRegion, visibleIds) = (visible.EveryRegion, visible.Ids);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => everyRegion || visibleIds.Contains(c.RegionId))
            .Where(c => campaignId == null || c.Id == campaignId)
            .Select(c => new { c.Id, c.RegionId, RegionName = c.Region.Name, c.Title, c.AsOf, c.State, c.Source, c.CollectedIndicatorCodes, c.Deadline })
            .ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var regionIds = campaigns.Select(c => c.RegionId).Distinct().ToList();
        var counts = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.CampaignId))
            .GroupBy(s => new { s.CampaignId, s.State }).Select(g => new { g.Key.CampaignId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => regionIds.Contains(o.Municipality.RegionId))
            .GroupBy(o => o.Municipality.RegionId).Select(g => new { RegionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RegionId, g => g.Count, ct);
        int Count(int campaign, SubmissionState state) => counts.Where(c => c.CampaignId == campaign && c.State == state).Sum(c => c.Count);

        return campaigns
            .Where(c => c.State != CampaignState.Draft || IntakeRules.MayManageCampaigns(scope, c.RegionId))
            .Select(c => new CampaignOverview(c.Id, c.RegionId, c.RegionName, c.Title, c.AsOf, c.State,
                c.CollectedIndicatorCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Length,
                organisations.GetValueOrDefault(c.RegionId), Count(c.Id, SubmissionState.Submitted), Count(c.Id, SubmissionState.InProgress),
                IntakeRules.MayManageCampaigns(scope, c.RegionId),
                scope.IsAdministrator && c.State == CampaignState.Closed && c.Source == Campaign.CollectedInSystem, c.Source, c.Deadline))
            .OrderBy(c => c.State == CampaignState.Closed).ThenByDescending(c => c.AsOf).ThenBy(c => c.RegionName)
            .ToList();
    }

    /// <summary>Regions where the user may open a campaign.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ManageableRegionsAsync(CancellationToken ct = default)
    {
        var scope = await guard.ScopeAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        return regions.Where(r => IntakeRules.MayManageCampaigns(scope, r.Id)).Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>Opens a draft campaign; returns the problems in Russian instead when the request is not valid.</summary>
    public async Task<(int? Id, IReadOnlyList<string> Problems)> OpenAsync(OpenCampaignRequest request, CancellationToken ct = default)
    {
        await DemandManageAsync(request.RegionId);
        var problems = new List<string>();
        var title = InputText.Line(request.Title);
        if (title.Length == 0)
            problems.Add("Укажите название мониторинга.");
        else if (title.Length > 300)
            problems.Add("Название мониторинга — не длиннее 300 символов.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.AsOf is not { } asOf)
            problems.Add("Укажите дату «по состоянию на».");
        else if (asOf.Year < 2019 || asOf > today.AddYears(1))
            problems.Add($"Дата «по состоянию на» — от 01.01.2019 до {Format.Date(today.AddYears(1))}.");
        var indicators = request.IndicatorCodes.Distinct()
            .Select(code => IndicatorCatalogue.TryGet(code, out var i) && i.ReportedByOrganisations ? i : null).ToList();
        if (indicators.Count == 0)
            problems.Add("Выберите хотя бы один показатель.");
        else if (indicators.Any(i => i is null))
            problems.Add("Среди показателей есть неизвестный.");

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (request.AsOf is { } date && await db.Campaigns.AnyAsync(c => c.RegionId == request.RegionId && c.AsOf == date, ct))
            problems.Add($"Мониторинг региона по состоянию на {Format.Date(date)} уже есть.");
        if (problems.Count > 0)
            return (null, problems);

        var campaign = Campaign.Open(request.RegionId, title, request.AsOf!.Value, indicators.OfType<Indicator>());
        db.Campaigns.Add(campaign);
        db.AuditEntries.Add(await audit.EntryAsync(AuditActions.DataChanged, $"Мониторинг «{title}» на {Format.Date(campaign.AsOf)}",
            $"Открыт черновик мониторинга, показателей: {indicators.Count}"));
        // Officials see drafts in the region's list of rounds.
        return await feed.TrySaveAndAnnounceAsync(db, campaign.RegionId, () => [campaign.Id], ct) ? (campaign.Id, []) : (null, [DatabaseBusy.ActionMessage]);
    }

    /// <returns>Null once collection has started; else, in Russian, why nothing changed.</returns>
    public Task<string?> StartCollectingAsync(int campaignId, CancellationToken ct = default) =>
        ChangeStateAsync(campaignId, c => c.StartCollecting(), "Начат сбор данных", ct);

    /// <returns>Null once the campaign is closed; else, in Russian, why nothing changed.</returns>
    public Task<string?> CloseAsync(int campaignId, CancellationToken ct = default) =>
        ChangeStateAsync(campaignId, c => c.Close(), "Сбор данных завершён, мониторинг закрыт", ct, withProgress: true);

    /// <summary>
    /// Closed rounds collected in the system collect again (a late school, a wrong figure found after closing). Only an
    /// administrator reopens; the audit log records it.
    /// </summary>
    /// <returns>Null once the campaign collects again; else, in Russian, why nothing changed.</returns>
    public async Task<string?> ReopenAsync(int campaignId, CancellationToken ct = default)
    {
        if (!(await guard.ScopeAsync()).IsAdministrator)
            throw new TerritoryAccessDeniedException();
        return await ChangeStateAsync(campaignId, c => c.Reopen(), "Мониторинг открыт снова: сбор данных возобновлён", ct);
    }

    /// <summary>
    /// The day organisations are asked to submit by (null removes it): set by an administrator while the round is
    /// prepared or collecting, from its «по состоянию на» date to a year after it, and recorded in the audit log.
    /// </summary>
    /// <returns>Null once saved; else, in Russian, why nothing changed.</returns>
    public async Task<string?> SetDeadlineAsync(int campaignId, DateOnly? deadline, CancellationToken ct = default)
    {
        if (!(await guard.ScopeAsync()).IsAdministrator)
            throw new TerritoryAccessDeniedException();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw new TerritoryAccessDeniedException();
        if (campaign.State == CampaignState.Closed)
            return "Мониторинг закрыт: срок сдачи уже не меняется.";
        if (deadline is { } day && (day < campaign.AsOf || day > campaign.AsOf.AddYears(1)))
            return $"Срок сдачи — от {Format.Date(campaign.AsOf)} (дата «по состоянию на») до {Format.Date(campaign.AsOf.AddYears(1))}.";
        var before = campaign.Deadline;
        campaign.SetDeadline(deadline);
        db.AuditEntries.Add(await audit.EntryAsync(AuditActions.DataChanged, $"Мониторинг «{campaign.Title}» на {Format.Date(campaign.AsOf)}",
            deadline is { } set
                ? $"Срок сдачи данных: {(before is { } was ? Format.Date(was) + " → " : "")}{Format.Date(set)}"
                : "Срок сдачи данных снят"));
        // The deadline is in every «идёт сбор» banner of the region.
        return await feed.TrySaveAndAnnounceAsync(db, campaign.RegionId, () => [campaign.Id], ct) ? null : DatabaseBusy.ActionMessage;
    }

    /// <summary>Per municipality: how many organisations submitted, are in progress, have not started.</summary>
    public async Task<IReadOnlyList<MunicipalityProgress>> ProgressAsync(int campaignId, CancellationToken ct = default)
    {
        var regionId = await RegionOfAsync(campaignId, ct);
        await guard.DemandAsync(campaignId, TerritoryRef.Region(regionId), TerritoryAccessRequirement.Detail, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { o.MunicipalityId, s.State })
            .GroupBy(x => new { x.MunicipalityId, x.State }).Select(g => new { g.Key.MunicipalityId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == regionId)
            .Select(m => new { m.Id, m.Name, m.Kind, Organisations = m.Organisations.Count }).ToListAsync(ct);
        int Count(int municipality, SubmissionState state) =>
            submissions.Where(s => s.MunicipalityId == municipality && s.State == state).Sum(s => s.Count);
        var inDetail = await guard.MunicipalitiesInDetailAsync(regionId, ct);
        return municipalities
            .Select(m => new MunicipalityProgress(m.Id, m.Name, m.Kind, m.Organisations, Count(m.Id, SubmissionState.Submitted), Count(m.Id, SubmissionState.InProgress),
                inDetail.Contains(m.Id)))
            .OrderBy(m => m.Name, NaturalOrder.Instance)
            .ToList();
    }

    /// <summary>
    /// «Кто не сдал»: every organisation the user may see by name (a municipal head: their municipality's), with its
    /// report state and its curators' names and e-mails, by municipality. Chasing the missing schools is the head's job.
    /// </summary>
    public async Task<IReadOnlyList<ChaseRow>> ChaseListAsync(int campaignId, CancellationToken ct = default)
    {
        var regionId = await RegionOfAsync(campaignId, ct);
        await guard.DemandAsync(campaignId, TerritoryRef.Region(regionId), TerritoryAccessRequirement.Aggregates, ct);
        var inDetail = (await guard.MunicipalitiesInDetailAsync(regionId, ct)).ToList();
        if (inDetail.Count == 0)
            throw new TerritoryAccessDeniedException(); // a curator: an empty list would read «все сдали»
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.Organisations.AsNoTracking().Where(o => inDetail.Contains(o.MunicipalityId))
            .Select(o => new
            {
                o.MunicipalityId, MunicipalityName = o.Municipality.Name, o.Id, o.Name,
                Submission = db.Submissions.Where(s => s.CampaignId == campaignId && s.OrganisationId == o.Id)
                    .Select(s => new { s.State, s.UpdatedBy, s.UpdatedAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var curators = (await db.Users.AsNoTracking().Where(u => u.OrganisationId != null && ids.Contains(u.OrganisationId.Value))
                .Select(u => new { OrganisationId = u.OrganisationId!.Value, u.DisplayName, u.Email }).ToListAsync(ct))
            .ToLookup(u => u.OrganisationId, u => (u.DisplayName, u.Email ?? ""));
        return rows
            .Select(r => new ChaseRow(r.MunicipalityId, r.MunicipalityName, r.Id, r.Name, r.Submission?.State ?? SubmissionState.NotStarted,
                r.Submission?.UpdatedBy, r.Submission?.UpdatedAt, curators[r.Id].OrderBy(c => c.DisplayName).ToList()))
            .OrderBy(r => r.MunicipalityName, NaturalOrder.Instance).ThenBy(r => r.State).ThenBy(r => r.OrganisationName, NaturalOrder.Instance)
            .ToList();
    }

    /// <summary>The organisations of a municipality with their report state (organisation names: detail access).</summary>
    public async Task<IReadOnlyList<OrganisationProgress>> OrganisationsAsync(int campaignId, int municipalityId, CancellationToken ct = default)
    {
        await guard.DemandAsync(campaignId, TerritoryRef.Municipality(municipalityId), TerritoryAccessRequirement.Detail, ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.Organisations.AsNoTracking().Where(o => o.MunicipalityId == municipalityId)
            .Select(o => new
            {
                o.Id, o.Name, o.Kind,
                Submission = db.Submissions.Where(s => s.CampaignId == campaignId && s.OrganisationId == o.Id)
                    .Select(s => new { s.State, s.UpdatedBy, s.UpdatedAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new OrganisationProgress(r.Id, r.Name, r.Kind, r.Submission?.State ?? SubmissionState.NotStarted, r.Submission?.UpdatedBy, r.Submission?.UpdatedAt))
            .OrderBy(r => r.Name, NaturalOrder.Instance)
            .ToList();
    }

    /// <param name="withProgress">The audit entry says how many organisations had submitted (a round closed incomplete).</param>
    private async Task<string?> ChangeStateAsync(int campaignId, Action<Campaign> change, string what, CancellationToken ct, bool withProgress = false)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw new TerritoryAccessDeniedException();
        await DemandManageAsync(campaign.RegionId);
        try
        {
            change(campaign);
        }
        catch (InvalidOperationException)
        {
            // Another tab or another official changed it first.
            return "Мониторинг уже перешёл в другое состояние: обновите страницу.";
        }
        if (withProgress)
        {
            var submitted = await db.Submissions.CountAsync(s => s.CampaignId == campaignId && s.State == SubmissionState.Submitted, ct);
            var organisations = await db.Organisations.CountAsync(o => o.Municipality.RegionId == campaign.RegionId, ct);
            what += submitted == organisations
                ? $": сдали все {Format.Number(organisations)} организаций"
                : $" неполным: сдали {Format.Number(submitted)} из {Format.Number(organisations)}, не сдали {Format.Number(organisations - submitted)}";
        }
        db.AuditEntries.Add(await audit.EntryAsync(AuditActions.DataChanged, $"Мониторинг «{campaign.Title}» на {Format.Date(campaign.AsOf)}", what));
        // A round's state is part of what its figures say (collecting, partial, closed): every page of the region reloads.
        return await feed.TrySaveAndAnnounceAsync(db, campaign.RegionId, () => [campaign.Id], ct) ? null : DatabaseBusy.ActionMessage;
    }

    private async Task DemandManageAsync(int regionId)
    {
        if (!IntakeRules.MayManageCampaigns(await guard.ScopeAsync(), regionId))
            throw new TerritoryAccessDeniedException();
        await guard.DemandCurrentAccountAsync();
    }

    private async Task<int> RegionOfAsync(int campaignId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (int?)c.RegionId).SingleOrDefaultAsync(ct)
            ?? throw new TerritoryAccessDeniedException();
    }
}
