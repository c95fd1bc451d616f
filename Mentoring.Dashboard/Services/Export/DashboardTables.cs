using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Services.Export;

/// <summary>
/// The dashboard's tables as downloadable <see cref="ExportTable"/>s: built from the same scoped queries as the pages
/// and worded with the same <see cref="Format"/> and <see cref="FigureText"/>, so a file says what the screen says and
/// no more than the user may see. A value column shown as "79,8 %" is followed by a plain number for Excel to sort.
/// </summary>
public sealed class DashboardTables(
    MonitoringQueries queries, PlanProgress plans, CampaignDynamics dynamics, DataQuality quality, Recommendations recommendations,
    CampaignAdministration campaigns, UserClock clock)
{
    // Each cell states its own origin (OriginText, Medium.Export): a row is never labelled demo as a whole when some
    // of its cells are published.
    private const string GeneratedOrganisation = "организация сгенерирована для демонстрации: все её значения — демо";

    /// <summary>"Все показатели" of a region or municipality: a column per slice, as <c>IndicatorTable</c> shows them.</summary>
    public async Task<ExportTable> IndicatorsAsync(TerritoryRef territory, int campaignId, CancellationToken ct = default)
    {
        var (name, campaign) = await TerritoryAsync(territory, campaignId, ct);
        var figures = await queries.GetFiguresAsync(campaignId, territory, ct);
        var title = $"Показатели {name} на {Format.Date(campaign.AsOf)}";
        if (territory.Level == ObservationLevel.Organisation)
            return await OrganisationFiguresAsync(title, territory.Id, campaignId, figures, ct);

        var slices = FigureText.SliceColumns(figures);
        var headers = new List<string> { "Группа показателей", "Показатель" };
        foreach (var slice in slices)
            headers.AddRange([$"{slice}: значение", $"{slice}: числа"]);
        headers.Add("Примечание");
        var rows = figures.Select(f =>
        {
            var row = new List<object?> { IndicatorCatalogue.GroupName(f.Indicator.Group), f.Indicator.Name };
            foreach (var label in slices)
            {
                var slice = f.Slices.FirstOrDefault(s => Format.Slice(s) == label);
                row.AddRange(slice is null ? ["—", ""] : [FigureText.Value(slice, Medium.Export), FigureText.Detail(slice)]);
            }
            row.Add(Notes(f.Slices.Select(QualityText.Warning).OfType<string>()));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new(title, headers, rows);
    }

    /// <summary>The organisation page: its own figures, each next to its municipality's figure for its kind of organisation.</summary>
    private async Task<ExportTable> OrganisationFiguresAsync(
        string title, int organisationId, int campaignId, IReadOnlyList<IndicatorFigures> figures, CancellationToken ct)
    {
        var organisation = (await queries.GetOrganisationAsync(organisationId, ct))!;
        var municipality = await queries.GetFiguresAsync(campaignId, TerritoryRef.Municipality(organisation.MunicipalityId), ct);
        var synthetic = (await queries.GetSyntheticIndicatorCodesAsync(campaignId, organisationId, ct)).ToHashSet();
        string MunicipalityValue(Indicator indicator) =>
            municipality.FirstOrDefault(f => f.Indicator.Code == indicator.Code)?.Slices
                .FirstOrDefault(s => s.Kind == organisation.Kind && s.Group is null) is { } slice ? FigureText.Value(slice, Medium.Export) : "";
        return new(title,
            ["Группа показателей", "Показатель", "Значение", $"По муниципалитету ({Format.OrganisationKindShort(organisation.Kind)})", "Примечание"],
            figures.Select(f => Row(IndicatorCatalogue.GroupName(f.Indicator.Group), f.Indicator.Name,
                OriginText.Render(FigureText.Organisation(f.Indicator, f.Headline?.Published),
                    organisation.IsSynthetic || synthetic.Contains(f.Indicator.Code) ? FigureOrigin.Generated : FigureOrigin.Published, Medium.Export),
                MunicipalityValue(f.Indicator),
                organisation.IsSynthetic ? GeneratedOrganisation : "")).ToList());
    }

    /// <summary>The region page's comparison of municipalities for one indicator.</summary>
    public async Task<ExportTable> MunicipalitiesAsync(int regionId, int campaignId, string? indicatorCode, CancellationToken ct = default,
        OrganisationKind? kind = null, MunicipalityGroup? group = null)
    {
        var (name, campaign) = await TerritoryAsync(TerritoryRef.Region(regionId), campaignId, ct);
        var comparable = await queries.GetComparableIndicatorsAsync(regionId, campaignId, ct);
        var indicator = comparable.FirstOrDefault(i => i.Code == indicatorCode) ?? comparable.FirstOrDefault();
        if (indicator is null)
            return new($"Муниципалитеты {name} на {Format.Date(campaign.AsOf)}", ["Муниципалитет"], []);
        var rows = (await queries.GetMunicipalityRowsAsync(regionId, campaignId, indicator.Code, ct)).Select(r => ComparisonRow.From(r, kind)).Where(r => group is null || r.Group == group).ToList();
        return new($"{indicator.ShortName} по муниципалитетам {name} на {Format.Date(campaign.AsOf)}",
            ["Муниципалитет", "Тип", "ОО в системе", ComparisonRow.ValueTitle(rows), "Значение числом", "Числитель / знаменатель", "ОУ", "УДО", "Примечание"],
            // Ranked as on screen, then the municipalities without a value by name.
            ComparisonRow.Ranked(rows).Concat(rows.Where(r => r.Value is null).OrderBy(r => r.Name, NaturalOrder.Instance))
                .Select(r => Row(r.Name, r.KindText, r.Organisations, r.Render(Medium.Export), Rounded(r.Value), r.Detail, r.SchoolsText, r.SupplementaryText,
                    Notes(r.IsMismatch ? ["опубликованный итог не совпадает с суммой по организациям"] : [])))
                .ToList());
    }

    /// <summary>A municipality's organisations with their own figures: one indicator group as on screen, or all of them.</summary>
    public async Task<ExportTable> OrganisationsAsync(int municipalityId, int campaignId, IndicatorGroup? group, CancellationToken ct = default)
    {
        var (name, campaign) = await TerritoryAsync(TerritoryRef.Municipality(municipalityId), campaignId, ct);
        var organisations = await queries.GetOrganisationRowsAsync(municipalityId, campaignId, IndicatorCatalogue.All.Select(i => i.Code).ToList(), ct);
        var reported = organisations.SelectMany(o => o.Figures.Keys).ToHashSet();
        var columns = IndicatorCatalogue.All.Where(i => reported.Contains(i.Code) && (group is null || i.Group == group)).ToList();
        return new($"Организации {name} на {Format.Date(campaign.AsOf)}",
            ["Организация", "Тип", .. columns.Select(i => i.ShortName), "Примечание"],
            organisations.Select(o => (IReadOnlyList<object?>)
                [o.Name, Format.OrganisationKindShort(o.Kind),
                 .. columns.Select(i => (object?)(o.Figures.GetValueOrDefault(i.Code) is { } figure
                     ? OriginText.Render(FigureText.Organisation(i, figure), o.IsSynthetic || o.SyntheticCodes.Contains(i.Code) ? FigureOrigin.Generated : FigureOrigin.Published, Medium.Export)
                     : Format.NoData)),
                 o.IsSynthetic ? GeneratedOrganisation : ""]).ToList());
    }

    /// <summary>The report page's targeted recommendations: one row per organisation named.</summary>
    public async Task<ExportTable> RecommendationsAsync(TerritoryRef territory, int campaignId, CancellationToken ct = default)
    {
        var items = await recommendations.GetAsync(territory, campaignId, ct); // checks scope and that the campaign is the region's
        var (name, campaign) = await TerritoryAsync(territory, campaignId, ct);
        return Recommendations.ToTable($"Адресные рекомендации {name} {Format.Date(campaign.AsOf)}", items);
    }

    /// <summary>The plan page: every planned indicator's fact, plan and status.</summary>
    public async Task<ExportTable> PlanAsync(int regionId, CancellationToken ct = default)
    {
        var region = await queries.GetRegionAsync(regionId, ct);
        var series = await plans.GetAsync(regionId, ct);
        return new($"План и факт {region.Name}",
            ["Показатель", "Факт", "Дата факта", "План того же года", "План года", "Выполнение", "Цель", "Срок цели", "Движение к цели", "Прогноз на год цели", "Не хватит до цели", "Примечание"],
            series.Select(s => Row(
                s.Indicator.Name + (s.Kind is null ? "" : $" ({Format.OrganisationKindShort(s.Kind)})"),
                s.Latest is { } l ? OriginText.Render(ProgressText.Value(s, l.Value), l.Origin, Medium.Export) : Format.NoData,
                s.Latest is { } d ? Format.Date(d.AsOf) : "",
                s.PlanOfLatestYear is { } p ? ProgressText.Value(s, p) : "—",
                s.LatestMeetsPlan switch { true => "выполнен", false => "не выполнен", _ => "—" },
                s.Fulfilment is { } done ? OriginText.Render(Format.Percent(done), FigureOrigin.Computed | (s.Latest?.Origin ?? FigureOrigin.Published), Medium.Export) : "—",
                ProgressText.Value(s, s.FinalTarget.Target),
                ProgressText.TargetDate(s),
                ProgressText.Label(s.Assessment.Status),
                s.Assessment.Forecast is { } f ? ProgressText.Value(s, f) : "мало данных",
                s.GapToTarget is > 0 and var gap ? ProgressText.Gap(s, gap) : "",
                s.Latest?.IsSynthetic == true ? "факт, прогноз и выполнение рассчитаны по демо-значениям" : "")).ToList());
    }

    /// <summary>The dynamics page's table of the region's slices between two campaigns (the previous one by default).</summary>
    public async Task<ExportTable> DynamicsAsync(int regionId, int currentCampaignId, int? baseCampaignId, CancellationToken ct = default)
    {
        var region = await queries.GetRegionAsync(regionId, ct);
        var current = region.Campaigns.FirstOrDefault(c => c.Id == currentCampaignId) ?? throw new TerritoryAccessDeniedException();
        var report = await dynamics.GetAsync(regionId, CampaignDynamics.BaseOf(region.Campaigns, current, baseCampaignId)?.Id, current.Id, ct);
        var title = $"Динамика {region.Name} {report.BaseLabel} — {Format.Date(report.Current.AsOf)}";
        return new(title,
            ["Показатель", "Срез", report.Base is null ? "Базовый мониторинг" : report.BaseLabel, Format.Date(report.Current.AsOf), "Изменение", "Примечание"],
            report.Indicators.SelectMany(i => i.Region).Select(c => Row(
                c.Indicator.ShortName, c.SliceText, c.Before.Render(Medium.Export), c.After.Render(Medium.Export),
                OriginText.Render(c.After.DeltaText(c.Before), c.After.DeltaOrigin(c.Before), Medium.Export), "")).ToList());
    }

    /// <summary>The data-quality page: every warning of the region's campaigns.</summary>
    public async Task<ExportTable> QualityAsync(int regionId, CancellationToken ct = default)
    {
        var region = await queries.GetRegionAsync(regionId, ct);
        var warnings = await quality.GetAsync(regionId, ct: ct);
        return new($"Качество данных {region.Name}",
            ["Мониторинг", "Проверка", "Где", "Показатель", "Срез", "Что не сходится"],
            warnings.OrderByDescending(w => w.Campaign.AsOf)
                .Select(w => Row(Format.Date(w.Campaign.AsOf), QualityText.Title(w.Kind), w.Territory, w.Subject, w.Slice, w.Message))
                .ToList());
    }

    /// <summary>A campaign's collection progress per municipality.</summary>
    public async Task<ExportTable> CollectionAsync(int campaignId, CancellationToken ct = default)
    {
        var campaign = await campaigns.GetAsync(campaignId, ct);
        var progress = await campaigns.ProgressAsync(campaignId, ct);
        return new($"Сбор данных {campaign.Title}",
            ["Муниципалитет", "Организаций", "Сдали", "Заполняют", "Не приступили", "Готовность, %"],
            progress.Select(m => campaign.FromPublishedReport
                ? Row(m.Name, m.Organisations, Format.PublishedReport, null, null, null)
                : Row(m.Name, m.Organisations, m.Submitted, m.InProgress, m.NotStarted,
                    m.Organisations == 0 ? 0m : Math.Round(m.Submitted * 100m / m.Organisations, 1))).ToList());
    }

    /// <summary>The organisations of a municipality with their report state in a campaign.</summary>
    public async Task<ExportTable> SubmissionsAsync(int campaignId, int municipalityId, CancellationToken ct = default)
    {
        var campaign = await campaigns.GetAsync(campaignId, ct);
        var municipality = await queries.GetMunicipalityAsync(municipalityId, ct) ?? throw new TerritoryAccessDeniedException();
        var organisations = await campaigns.OrganisationsAsync(campaignId, municipalityId, ct);
        return new($"Сбор данных {municipality.Name} {Format.Date(campaign.AsOf)}",
            ["Организация", "Тип", "Состояние", "Последнее изменение"],
            organisations.Select(o => campaign.FromPublishedReport
                    ? Row(o.Name, Format.OrganisationKindShort(o.Kind), Format.PublishedReport, "—")
                    : Row(o.Name, Format.OrganisationKindShort(o.Kind), Format.SubmissionState(o.State), Format.LastChange(clock.Local(o.UpdatedAt), o.UpdatedBy)))
                .ToList());
    }

    /// <summary>«Кто не сдал» as the page lists it, with the same filter.</summary>
    public async Task<ExportTable> ChaseAsync(int campaignId, string? show, CancellationToken ct = default)
    {
        var campaign = await campaigns.GetAsync(campaignId, ct);
        if (campaign.FromPublishedReport)
            return new($"Кто не сдал {campaign.RegionName} {Format.Date(campaign.AsOf)}", ["Примечание"], [Row(Format.PublishedReportHasNoCollection)]);
        var filter = Intake.ChaseFilter.Parse(show);
        var rows = (await campaigns.ChaseListAsync(campaignId, ct)).Where(r => Intake.ChaseFilter.Shows(filter, r.State));
        return new($"Кто не сдал {campaign.RegionName} {Format.Date(campaign.AsOf)}",
            ["Муниципалитет", "Организация", "Состояние", "Куратор", "Эл. почта", "Последнее изменение"],
            rows.Select(r => Row(r.MunicipalityName, r.OrganisationName, Format.SubmissionState(r.State),
                    r.Curators.Count == 0 ? "не назначен" : string.Join(", ", r.Curators.Select(c => c.Name)),
                    string.Join(", ", r.Curators.Select(c => c.Email)), Format.LastChange(clock.Local(r.UpdatedAt), r.UpdatedBy)))
                .ToList());
    }

    /// <summary>The territory's name and the campaign, which must be one of its region's published campaigns.</summary>
    private async Task<(string Name, CampaignInfo Campaign)> TerritoryAsync(TerritoryRef territory, int campaignId, CancellationToken ct)
    {
        var (name, regionId) = territory.Level switch
        {
            ObservationLevel.Region => ((await queries.GetRegionAsync(territory.Id, ct)).Name, territory.Id),
            ObservationLevel.Municipality => await queries.GetMunicipalityAsync(territory.Id, ct) is { } m ? (m.Name, m.RegionId) : throw new TerritoryAccessDeniedException(),
            _ => await queries.GetOrganisationAsync(territory.Id, ct) is { } o ? (o.Name, o.RegionId) : throw new TerritoryAccessDeniedException(),
        };
        var campaign = (await queries.GetCampaignsAsync(regionId, ct)).FirstOrDefault(c => c.Id == campaignId)
                       ?? throw new TerritoryAccessDeniedException();
        return (name, campaign);
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    // Dividing by 1.000… drops the trailing zeros a stored decimal keeps, so Excel shows 76, not 76,0.
    private static decimal? Rounded(decimal? value) => value is { } v ? Math.Round(v, 1) / 1.000000000000000000000000000000000m : null;

    private static string Notes(IEnumerable<string> warnings) => string.Join("; ", warnings);
}
