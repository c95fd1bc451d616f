using Mentoring.Dashboard.Security;
using Mentoring.Domain.Analysis;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>A figure a conclusion states, with where it comes from, so every sentence can be checked.</summary>
public sealed record Evidence(string What, string Value, string Campaign, string Source, bool IsSynthetic = false);

/// <summary>One generated sentence of the "Выводы" and the figures behind it.</summary>
public sealed record Conclusion(string Text, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Names municipalities that have not started a form: a deck lists these on a slide of their own.</summary>
    public bool IsAboutNonStarters { get; init; }

    /// <summary>
    /// The sentence without the words a heading above it already says (the non-starters' slide is titled «Не
    /// приступили к реализации …», so its lines begin with the form); the whole sentence where there is none.
    /// </summary>
    public string UnderHeading { get => field ?? Text; init; }
}

/// <summary>
/// Writes the "Выводы" the seeds' authors wrote by hand, from live data: what grew and fell since the previous
/// campaign and by how much ("показатель уменьшился и составил 6,2 %, в 2021 г. – 9,1 %"), what is behind plan,
/// where the lowest values are, which municipalities have not started a form, what the data-quality checks found.
/// Every sentence carries the figures it states.
/// </summary>
public sealed class Conclusions(MonitoringQueries queries, CampaignDynamics dynamics, PlanProgress plans, DataQuality quality)
{
    private const int LowestShown = 3;

    public async Task<IReadOnlyList<Conclusion>> ForRegionAsync(int regionId, int campaignId, CancellationToken ct = default)
    {
        var region = await queries.GetRegionAsync(regionId, ct);
        var campaign = region.Campaigns.FirstOrDefault(c => c.Id == campaignId) ?? throw new TerritoryAccessDeniedException();
        if (campaign.IsCollecting)
            return [StillCollecting(campaign)];
        if (campaign.IsPartial)
            return await PartialRoundAsync(regionId, campaign, ct);
        var previous = CampaignDynamics.PreviousOf(region.Campaigns, campaignId);
        var report = await dynamics.GetAsync(regionId, previous?.Id, campaignId, ct);
        var conclusions = new List<Conclusion>();

        if (CampaignInfo.WhyNotCompared(campaign, previous) is { } heldBack)
            conclusions.Add(new Conclusion(heldBack, []));
        else if (previous is not null)
            conclusions.AddRange(ChangeSentences(report.Indicators.Select(i => (i.Indicator, (IReadOnlyList<SliceChange>)i.Region.Where(s => s.EarlierRound is null).ToList())).ToList(), previous, campaign, report.BaseLabel));

        // Plans are compared where this campaign is the latest closed one: the plan view always uses the latest fact.
        if (CampaignInfo.Pick(region.Campaigns, null)?.Id == campaignId)
            conclusions.AddRange(PlanSentences(await plans.GetAsync(regionId, ct), campaign));

        conclusions.AddRange(LowestSentences(report, campaign));
        conclusions.AddRange(NotStartedSentences(report, campaign));

        if (await queries.GetAccessAsync(TerritoryRef.Region(regionId), ct) == TerritoryAccess.Detail
            && await quality.GetAsync(regionId, campaignId, ct) is { Count: > 0 } warnings)
            conclusions.Add(QualitySentence(warnings, campaign));
        return conclusions;
    }

    public async Task<IReadOnlyList<Conclusion>> ForMunicipalityAsync(int municipalityId, int campaignId, CancellationToken ct = default)
    {
        var municipality = await queries.GetMunicipalityAsync(municipalityId, ct) ?? throw new TerritoryAccessDeniedException();
        var campaigns = await queries.GetCampaignsAsync(municipality.RegionId, ct);
        var campaign = campaigns.FirstOrDefault(c => c.Id == campaignId) ?? throw new TerritoryAccessDeniedException();
        if (campaign.IsCollecting)
            return [StillCollecting(campaign)];
        if (campaign.IsPartial)
            return [PartialRound(campaign)];
        var territory = TerritoryRef.Municipality(municipalityId);
        var figures = await queries.GetFiguresAsync(campaignId, territory, ct);
        var conclusions = new List<Conclusion>();

        var previousRound = CampaignDynamics.PreviousOf(campaigns, campaignId);
        if (CampaignInfo.WhyNotCompared(campaign, previousRound) is { } heldBack)
            conclusions.Add(new Conclusion(heldBack, []));
        else if (previousRound is { } previous)
        {
            var before = await queries.GetFiguresAsync(previous.Id, territory, ct);
            var changes = figures.Select(f => (f.Indicator, (IReadOnlyList<SliceChange>)CampaignDynamics.SliceChanges(before.FirstOrDefault(b => b.Indicator.Code == f.Indicator.Code), f)))
                .Where(x => x.Item2.Count > 0).ToList();
            var label = previous.LabelBefore(campaign);
            conclusions.AddRange(ChangeSentences(changes, previous, campaign, label));
        }

        // Against the region: shares and facts where both have a percentage for the same slice.
        var regional = await queries.GetFiguresAsync(campaignId, TerritoryRef.Region(municipality.RegionId), ct);
        var below = new List<(SliceFigure Own, Measure OwnValue, Measure RegionValue)>();
        foreach (var own in figures.Select(f => f.Headline).OfType<SliceFigure>())
        {
            var regionSlice = regional.FirstOrDefault(r => r.Indicator.Code == own.Indicator.Code)?.Slices.FirstOrDefault(s => s.Kind == own.Kind && s.Group is null);
            if (Measure.Of(own) is { IsPercent: true } mine && Measure.Of(regionSlice) is { IsPercent: true } theirs
                && new ValueChange(theirs.Value, mine.Value) is { } gap && !gap.IsImprovement(own.Indicator.HigherIsBetter) && gap.Direction != ChangeDirection.NoChange)
                below.Add((own, mine, theirs));
        }
        if (below.Count > 0)
            conclusions.Add(new Conclusion(
                $"Ниже среднего по региону ({municipality.RegionName}): "
                + string.Join("; ", below.Select(b => $"{Quoted(b.Own.Indicator)} ({Format.Slice(b.Own)}) – {b.OwnValue.Said} при {b.RegionValue.Said} по региону")) + ".",
                below.SelectMany(b => new[]
                {
                    new Evidence($"{Quoted(b.Own.Indicator)}, {Format.Slice(b.Own)}, {municipality.Name}", b.OwnValue.Text, CampaignText(campaign), campaign.Source, b.OwnValue.IsSynthetic),
                    new Evidence($"{Quoted(b.Own.Indicator)}, {Format.Slice(b.Own)}, {municipality.RegionName}", b.RegionValue.Text, CampaignText(campaign), campaign.Source, b.RegionValue.IsSynthetic),
                }).ToList()));

        // Forms nobody runs in the municipality.
        var notRun = figures.Where(f => f.Indicator.Group == IndicatorGroup.Forms)
            .SelectMany(f => f.Slices.Where(s => s.Group is null && s.Kind is not null).Select(s => (f.Indicator, Slice: s, Value: Measure.Of(s))))
            .Where(x => x.Value is { Value: 0 })
            .ToList();
        if (notRun.Count > 0)
            conclusions.Add(new Conclusion(
                "Не реализуются ни в одной организации: " + string.Join("; ", notRun.Select(x => $"форма {x.Indicator.ShortName} ({Format.Slice(x.Slice)})")) + ".",
                notRun.Select(x => new Evidence($"{x.Indicator.ShortName}, {Format.Slice(x.Slice)}, {municipality.Name}", x.Value!.Text, CampaignText(campaign), campaign.Source, x.Value.IsSynthetic)).ToList()));
        return conclusions;
    }

    /// <summary>No conclusions from a round still collecting: its figures are those of whoever has reported so far.</summary>
    private static Conclusion StillCollecting(CampaignInfo campaign) => new(
        $"Мониторинг на {Format.Date(campaign.AsOf)} ещё идёт: выводы и сравнения будут сделаны после его закрытия, "
        + "когда данные сдадут все организации. Сейчас показатели отражают только сдавшие организации.", []);

    /// <summary>
    /// A round closed before every organisation reported: what it lacks, and that no comparison, plan or ranking is
    /// drawn from it, since each would state the missing reports as a finding.
    /// </summary>
    private static Conclusion PartialRound(CampaignInfo campaign) => new(
        $"Мониторинг на {Format.Date(campaign.AsOf)} закрыт при неполном сборе ({campaign.ReportedText}): показатели отражают только "
        + "сдавшие организации и помечены «неполный сбор». Изменения к прошлому мониторингу, выполнение плана и наименьшие значения "
        + "по ним не определяются: недостающие отчёты выглядели бы как снижение.", []);

    /// <summary>The partial round's statement, and what the data checks found (they hold whatever was reported).</summary>
    private async Task<IReadOnlyList<Conclusion>> PartialRoundAsync(int regionId, CampaignInfo campaign, CancellationToken ct)
    {
        var conclusions = new List<Conclusion> { PartialRound(campaign) };
        if (await queries.GetAccessAsync(TerritoryRef.Region(regionId), ct) == TerritoryAccess.Detail
            && await quality.GetAsync(regionId, campaign.Id, ct) is { Count: > 0 } warnings)
            conclusions.Add(QualitySentence(warnings, campaign));
        return conclusions;
    }

    /// <summary>A summary sentence, then one per indicator: "«X» (ОУ): показатель уменьшился и составил 6,2 %, в 2021 г. – 9,1 %."</summary>
    private static IEnumerable<Conclusion> ChangeSentences(IReadOnlyList<(Indicator Indicator, IReadOnlyList<SliceChange> Slices)> changes,
        CampaignInfo previous, CampaignInfo campaign, string baseLabel)
    {
        changes = changes.Where(c => c.Slices.Count > 0).ToList();
        if (changes.Count == 0)
            yield break;
        var all = changes.SelectMany(c => c.Slices).ToList();
        var improved = all.Count(s => s.Change.IsImprovement(s.Indicator.HigherIsBetter));
        var worsened = all.Count(s => s.Change.Direction != ChangeDirection.NoChange && !s.Change.IsImprovement(s.Indicator.HigherIsBetter));
        var unchanged = all.Count - improved - worsened;
        // Counts of values with a generated part are as generated as those values.
        var origin = OriginRules.CountOver(all.SelectMany(s => new[] { s.Before.Origin, s.After.Origin }));
        yield return new Conclusion(
            OriginText.Render($"По сравнению с {baseLabel} из {Format.Plural(all.Count, "сопоставимого значения", "сопоставимых значений", "сопоставимых значений")} "
                + $"{Format.Agreeing(improved, "улучшилось", "улучшились")} {improved}, {Format.Agreeing(worsened, "ухудшилось", "ухудшились")} {worsened}, "
                + $"{Format.Agreeing(unchanged, "не изменилось", "не изменились")} {unchanged}", origin, Medium.Sentence) + ".",
            []);

        foreach (var (indicator, slices) in changes)
        {
            var single = slices.Count == 1;
            var clauses = slices.Select(s =>
                $"{(single ? "" : Format.Slice(s.Kind, s.Group) + " – ")}{Verb(s.Change)} {s.After.Said}, в {baseLabel} – {s.Before.Said}");
            var lead = single ? $"{Quoted(indicator)} ({slices[0].SliceText}): в целом показатель " : $"{Quoted(indicator)}: ";
            yield return new Conclusion(Sentence(lead + string.Join("; ", clauses)),
                slices.SelectMany(s => new[]
                {
                    new Evidence($"{indicator.Name}, {s.SliceText}", s.Before.Text, CampaignText(previous), previous.Source, s.Before.IsSynthetic),
                    new Evidence($"{indicator.Name}, {s.SliceText}", s.After.Text, CampaignText(campaign), campaign.Source, s.After.IsSynthetic),
                }).ToList());
        }
    }

    private static string Verb(ValueChange change) => change.Direction switch
    {
        ChangeDirection.Increase => "увеличился и составил",
        ChangeDirection.Decrease => "уменьшился и составил",
        _ => "не изменился и составляет",
    };

    private static IEnumerable<Conclusion> PlanSentences(IReadOnlyList<PlanSeries> series, CampaignInfo campaign)
    {
        var evaluated = series.Where(s => s.Latest?.CampaignId == campaign.Id && s.PlanOfLatestYear is not null).ToList();
        var met = evaluated.Where(s => s.LatestMeetsPlan == true).ToList();
        var behind = evaluated.Where(s => s.LatestMeetsPlan == false).ToList();
        if (met.Count > 0)
            yield return new Conclusion(Sentence("Плановые значения достигнуты: " + string.Join("; ", met.Select(PlanClause))), met.SelectMany(s => PlanEvidence(s, campaign)).ToList());
        if (behind.Count > 0)
            yield return new Conclusion(Sentence("Отстают от плана: " + string.Join("; ", behind.Select(s => PlanClause(s) + ForecastClause(s)))),
                behind.SelectMany(s => PlanEvidence(s, campaign)).ToList());
    }

    private static string PlanClause(PlanSeries s) =>
        $"{Quoted(s.Indicator)}{(s.Kind is null ? "" : $" ({Format.OrganisationKindShort(s.Kind)})")} – "
        + $"{OriginText.Render(ProgressText.Value(s, s.Latest!.Value), s.Latest.Origin, Medium.Sentence)} "
        + $"при плане {ProgressText.Value(s, s.PlanOfLatestYear)} на {s.Latest.AsOf.Year} г.";

    private static string ForecastClause(PlanSeries s) =>
        s.Assessment.Forecast is { } f && s.GapToTarget > 0
            ? $", при сохранении темпа к {s.FinalTarget.Year} г. ожидается {ProgressText.Value(s, f)} при цели {ProgressText.Value(s, s.FinalTarget.Target)}"
            : "";

    private static IEnumerable<Evidence> PlanEvidence(PlanSeries s, CampaignInfo campaign) =>
    [
        new($"{s.Indicator.Name}: факт", ProgressText.Value(s, s.Latest!.Value), CampaignText(campaign), campaign.Source, s.Latest.IsSynthetic),
        new($"{s.Indicator.Name}: план {s.Latest.AsOf.Year} г.", ProgressText.Value(s, s.PlanOfLatestYear), "", s.PlanSource),
    ];

    /// <summary>The lowest municipal percentages of each indicator with enough municipalities to rank.</summary>
    private static IEnumerable<Conclusion> LowestSentences(DynamicsReport report, CampaignInfo campaign)
    {
        foreach (var indicator in report.Indicators)
            foreach (var kind in indicator.Municipalities.GroupBy(m => m.OrganisationKind))
            {
                var ranked = kind.Where(m => m.After is { IsPercent: true }).ToList();
                if (ranked.Count <= LowestShown * 2 || indicator.TracksStart && ranked.All(m => m.After!.Value == 0))
                    continue;
                var lowest = (indicator.Indicator.HigherIsBetter ? ranked.OrderBy(m => m.After!.Value) : ranked.OrderByDescending(m => m.After!.Value))
                    .ThenBy(m => m.Name).Take(LowestShown).ToList();
                var slice = Format.OrganisationKindShort(kind.Key);
                yield return new Conclusion(
                    $"Наименьшие значения {Quoted(indicator.Indicator)} ({slice}): {string.Join(", ", lowest.Select(m => $"{m.Name} – {m.After!.Said}"))}.",
                    lowest.Select(m => new Evidence($"{indicator.Indicator.Name}, {slice}, {m.Name}", m.After!.Text, CampaignText(campaign), campaign.Source, m.After.IsSynthetic)).ToList());
            }
    }

    private static IEnumerable<Conclusion> NotStartedSentences(DynamicsReport report, CampaignInfo campaign) =>
        report.Indicators.SelectMany(i => i.Lists())
            .Where(l => l.NotStarted.Count > 0)
            .GroupBy(l => (l.Indicator, l.OrganisationKind))
            .Select(g =>
            {
                var names = g.SelectMany(l => l.NotStarted).ToList();
                var slice = Format.OrganisationKindShort(g.Key.OrganisationKind);
                var list = $"{g.Key.Indicator.ShortName} ({slice}) – {Format.Plural(names.Count, "муниципалитет", "муниципалитета", "муниципалитетов")}: {string.Join(", ", names.Select(n => n.Name))}.";
                return new Conclusion($"Не приступили к реализации: {list}",
                    names.Select(n => new Evidence($"{g.Key.Indicator.Name}, {slice}, {n.Name}", n.After!.Text, CampaignText(campaign), campaign.Source, n.After.IsSynthetic)).ToList())
                {
                    IsAboutNonStarters = true,
                    UnderHeading = list,
                };
            });

    private static Conclusion QualitySentence(IReadOnlyList<QualityWarning> warnings, CampaignInfo campaign) =>
        new($"В данных мониторинга найдено {Format.Plural(warnings.Count, "расхождение", "расхождения", "расхождений")}: "
            + string.Join("; ", warnings.GroupBy(w => w.Kind).Select(g => $"{QualityText.Title(g.Key).ToLowerInvariant()} – {g.Count()}"))
            + ". Перед использованием в отчёте их стоит проверить (раздел «Качество данных»).",
            warnings.Select(w => new Evidence($"{w.Territory}: {w.Subject}, {w.Slice}", w.Message, CampaignText(campaign), campaign.Source)).ToList());

    private static string CampaignText(CampaignInfo campaign) => $"на {Format.Date(campaign.AsOf)}";

    private static string Quoted(Indicator indicator) => Format.QuotedName(indicator);

    /// <summary>Ends a sentence with one full stop, also after an abbreviation ("208 ед.").</summary>
    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
