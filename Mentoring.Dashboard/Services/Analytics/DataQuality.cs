using Mentoring.Dashboard.Security;
using Mentoring.Domain.Analysis;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Analytics;

/// <summary>One problem found in the data, with the figures that show it.</summary>
public sealed record QualityWarning(
    QualityIssueKind Kind, CampaignInfo Campaign, string Territory, string? TerritoryLink, Indicator? Indicator, string Slice, string Message)
{
    /// <summary>What the warning is about: the indicator's short name, or the report's dates.</summary>
    public string Subject => Indicator?.ShortName ?? "Даты отчёта";
}

/// <summary>
/// Checks a region's figures for the inconsistencies the seeds contain: published totals against their parts,
/// shares above 100 %, parts above their whole, printed percentages against their counts, level tables that do not
/// add up. Organisation-level warnings are listed only for municipalities the user may see in detail.
/// </summary>
public sealed class DataQuality(ScopedDbContextFactory contextFactory, MonitoringQueries queries, TerritoryGuard guard,
    Live.SharedFigures shared)
{
    private sealed record PublishedRow(ObservationLevel Level, int? MunicipalityId, int? OrganisationId, string IndicatorCode,
        OrganisationKind? OrganisationKind, MunicipalityGroup? MunicipalityGroup, Figure Figure, string? Municipality, string? Organisation);

    private sealed record OrganisationCount(int MunicipalityId, OrganisationKind Kind, int Count);

    public async Task<IReadOnlyList<QualityWarning>> GetAsync(int regionId, int? campaignId = null, CancellationToken ct = default)
    {
        var region = TerritoryRef.Region(regionId);
        await guard.DemandAsync(region, TerritoryAccessRequirement.Detail, ct);
        var summary = await queries.GetRegionAsync(regionId, ct);
        var warnings = new List<QualityWarning>();
        foreach (var campaign in summary.Campaigns.Where(c => campaignId is null || c.Id == campaignId))
        {
            warnings.AddRange(await TotalsAgainstPartsAsync(summary, campaign, ct));
            warnings.AddRange(await PublishedFiguresAsync(summary, campaign, ct));
            warnings.AddRange(await StatementsAsync(summary, campaign, ct));
        }
        return warnings;
    }

    private async Task<List<QualityWarning>> TotalsAgainstPartsAsync(RegionSummary region, CampaignInfo campaign, CancellationToken ct)
    {
        var warnings = new List<QualityWarning>();
        var regional = await queries.GetFiguresAsync(campaign.Id, TerritoryRef.Region(region.Id), ct);
        // A region's own published figures against their parts; the municipal figures it adds up are checked per
        // municipality below (the region's cards carry the same ⚠, this list names the municipality once).
        warnings.AddRange(regional.SelectMany(f => f.Slices).Where(s => s.IsOwnMismatch)
            .Select(s => Mismatch(campaign, region.Name, $"regions/{region.Id}?campaign={campaign.Id}", s)));

        var codes = regional.Select(f => f.Indicator.Code).ToList();
        var municipal = await queries.GetMunicipalityRowsAsync(region.Id, campaign.Id, codes, ct);
        warnings.AddRange(municipal.Values.SelectMany(rows => rows)
            .SelectMany(row => row.Figures.Slices.Where(s => s.IsMismatch)
                .Select(s => Mismatch(campaign, row.Name, $"municipalities/{row.Id}?campaign={campaign.Id}", s))));
        return warnings;
    }

    private async Task<List<QualityWarning>> PublishedFiguresAsync(RegionSummary region, CampaignInfo campaign, CancellationToken ct)
    {
        var detail = await guard.MunicipalitiesInDetailAsync(region.Id, ct);
        // The rows to check are the same for every user of the region (each sees only their municipalities' below):
        // shared between circuits until the campaign changes, as every open region page asks after each submission.
        var (rows, organisationCounts) = await shared.GetAsync(campaign.Id, $"quality:{region.Id}", () => PublishedRowsAsync(region.Id, campaign.Id));

        // How many organisations a published level table should add up to: its own total, else those in the database.
        decimal? OrganisationsOf(int? municipalityId, OrganisationKind? kind) =>
            organisationCounts.Where(c => (municipalityId == null || c.MunicipalityId == municipalityId) && (kind == null || c.Kind == kind))
                .Sum(c => c.Count) is > 0 and var n ? n : null;

        var warnings = new List<QualityWarning>();
        foreach (var row in rows)
        {
            if (row.Level == ObservationLevel.Organisation && !detail.Contains(row.MunicipalityId!.Value))
                continue;
            var indicator = IndicatorCatalogue.Get(row.IndicatorCode);
            var (territory, link) = Place(region, campaign, row.Level, row.MunicipalityId, row.Municipality, row.OrganisationId, row.Organisation);
            var total = indicator.Kind == IndicatorKind.Level ? OrganisationsOf(row.MunicipalityId, row.OrganisationKind) : null;
            foreach (var kind in FigureChecks.Check(indicator, row.Figure, total))
                warnings.Add(new QualityWarning(kind, campaign, territory, link, indicator,
                    LevelSlice(indicator, row.Figure, row.OrganisationKind, row.MunicipalityGroup), QualityText.Describe(kind, indicator, row.Figure, total)));
        }

        // A published level table (e.g. document package: complete / in progress / not formed) against its organisations.
        foreach (var table in rows.Where(r => r.Level != ObservationLevel.Organisation && IndicatorCatalogue.Get(r.IndicatorCode).Kind == IndicatorKind.Level)
                     .GroupBy(r => (r.Level, r.MunicipalityId, r.Municipality, r.IndicatorCode, r.OrganisationKind, r.MunicipalityGroup)))
        {
            var total = table.Select(r => r.Figure.Denominator).FirstOrDefault(d => d is not null) ?? OrganisationsOf(table.Key.MunicipalityId, table.Key.OrganisationKind);
            var counted = table.Select(r => r.Figure.Numerator ?? 0).ToList();
            if (total is not { } t || !FigureChecks.LevelCountsDiffer(counted, t))
                continue;
            var indicator = IndicatorCatalogue.Get(table.Key.IndicatorCode);
            var (territory, link) = Place(region, campaign, table.Key.Level, table.Key.MunicipalityId, table.Key.Municipality, null, null);
            warnings.Add(new QualityWarning(QualityIssueKind.LevelCountsDifferFromTotal, campaign, territory, link, indicator,
                Format.Slice(table.Key.OrganisationKind, table.Key.MunicipalityGroup),
                $"По уровням учтено {Format.Number(counted.Sum())} ({string.Join(" + ", counted.Select(c => Format.Number(c)))}), а организаций {Format.Number(t)}"));
        }
        return warnings;
    }

    /// <summary>
    /// The report's own statements held against its figures and dates (<see cref="StatementChecks"/>): a conclusion that
    /// says the opposite of its tables, a figure printed twice differently, a date that cannot be right, a value that
    /// cannot be read.
    /// </summary>
    private async Task<List<QualityWarning>> StatementsAsync(RegionSummary region, CampaignInfo campaign, CancellationToken ct)
    {
        var statements = await shared.GetAsync(campaign.Id, $"statements:{region.Id}", async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            return await db.SourceStatements.AsNoTracking().Include(s => s.Municipality)
                .Where(s => s.CampaignId == campaign.Id && s.RegionId == region.Id).OrderBy(s => s.Id).ToListAsync();
        });
        var warnings = new List<QualityWarning>();
        var regionPlace = (region.Name, (string?)$"regions/{region.Id}?campaign={campaign.Id}");
        foreach (var statement in statements)
        {
            var indicator = statement.IndicatorCode is { } code && IndicatorCatalogue.TryGet(code, out var i) ? i : null;
            var slice = Format.Slice(statement.OrganisationKind, statement.MunicipalityGroup);
            var (territory, link) = statement.Municipality is { } m ? (m.Name, $"municipalities/{m.Id}?campaign={campaign.Id}") : regionPlace;
            switch (statement.Kind)
            {
                case StatementKind.ApprovedOn or StatementKind.HeldOn when StatementChecks.IsImpossibleDate(statement.Kind, statement.Date!.Value, campaign.AsOf):
                    warnings.Add(new QualityWarning(QualityIssueKind.ImpossibleDate, campaign, territory, link, null, "—",
                        $"{statement.Where}: «{statement.Quote}» — {Format.Date(statement.Date.Value)}, "
                        + (statement.Kind == StatementKind.ApprovedOn ? "раньше даты, на которую составлен отчёт" : "позже даты, на которую составлен отчёт")
                        + $" ({Format.Date(campaign.AsOf)})"));
                    break;
                case StatementKind.Unreadable when indicator is not null:
                    warnings.Add(new QualityWarning(QualityIssueKind.UnreadableValue, campaign, territory, link, indicator, slice,
                        $"Напечатано «{statement.Quote}» ({statement.Where}): значение не читается и не показывается как число"));
                    break;
                case StatementKind.PrintedAgain when indicator is not null && await PrintedAsync(statement, indicator, campaign, ct) is { } printed
                                                     && StatementChecks.PrintedDifferently(printed, statement.Value!.Value):
                    warnings.Add(new QualityWarning(QualityIssueKind.PrintedTwiceDifferently, campaign, territory, link, indicator,
                        LevelSliceText(indicator, statement), $"В таблице {Format.PublishedPercent(printed)}, а в разделе «{statement.Where}» — "
                        + $"{Format.PublishedPercent(statement.Value.Value)}: «{statement.Quote}»"));
                    break;
                case StatementKind.ClaimedChange when indicator is not null
                                                      && await ContradictingChangesAsync(region, campaign, statement, indicator, ct) is { Count: > 0 } against:
                    warnings.Add(new QualityWarning(QualityIssueKind.ConclusionContradictsFigures, campaign, territory, link, indicator, slice,
                        $"В разделе «{statement.Where}»: «{statement.Quote}», а по данным отчёта: "
                        + string.Join("; ", against.Select(c => $"{c.SliceText} {c.Before.Text} → {c.After.Text}"))));
                    break;
            }
        }
        return warnings;
    }

    /// <summary>The figure a statement prints again, as its table prints it (a level's printed percentage for a level).</summary>
    private async Task<decimal?> PrintedAsync(SourceStatement statement, Indicator indicator, CampaignInfo campaign, CancellationToken ct)
    {
        var territory = statement.MunicipalityId is { } m ? TerritoryRef.Municipality(m) : TerritoryRef.Region(statement.RegionId);
        var slice = (await queries.GetFiguresAsync(campaign.Id, territory, ct)).FirstOrDefault(f => f.Indicator.Code == indicator.Code)?.Slices
            .FirstOrDefault(s => s.Kind == statement.OrganisationKind && s.Group == statement.MunicipalityGroup);
        return statement.LevelCode is { } level ? slice?.PrintedLevelPercents?.GetValueOrDefault(level) : slice?.Published?.Value;
    }

    /// <summary>The region's changes of the indicator since the previous round that go against what the text claims.</summary>
    private async Task<IReadOnlyList<SliceChange>> ContradictingChangesAsync(RegionSummary region, CampaignInfo campaign, SourceStatement statement,
        Indicator indicator, CancellationToken ct)
    {
        if (CampaignInfo.Previous(region.Campaigns, campaign) is not { } previous)
            return [];
        var before = await queries.GetFiguresAsync(previous.Id, TerritoryRef.Region(region.Id), ct);
        var after = await queries.GetFiguresAsync(campaign.Id, TerritoryRef.Region(region.Id), ct);
        if (after.FirstOrDefault(f => f.Indicator.Code == indicator.Code) is not { } now)
            return [];
        var changes = CampaignDynamics.SliceChanges(before.FirstOrDefault(f => f.Indicator.Code == indicator.Code), now)
            .Where(c => statement.OrganisationKind is null || c.Kind == statement.OrganisationKind).ToList();
        var against = StatementChecks.Contradicting(statement.Direction!.Value, changes.Select(c => c.Change)).ToHashSet();
        return changes.Where(c => against.Contains(c.Change)).ToList();
    }

    private static string LevelSliceText(Indicator indicator, SourceStatement statement) => statement.LevelCode is { } level
        ? $"{Format.Slice(statement.OrganisationKind, statement.MunicipalityGroup)}, {Format.Level(indicator, level).ToLowerInvariant()}"
        : Format.Slice(statement.OrganisationKind, statement.MunicipalityGroup);

    private async Task<(List<PublishedRow> Rows, List<OrganisationCount> Organisations)> PublishedRowsAsync(int regionId, int campaignId)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        // Published figures are few; of the organisations' own rows only those with a part above its whole.
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.CampaignId == campaignId && o.RegionId == regionId
                        && (o.Level != ObservationLevel.Organisation || o.Numerator > o.Denominator))
            // In the order the report printed them: a level table's parts read «3 + 72 + 30» on every provider.
            .OrderBy(o => o.Id)
            .Select(o => new PublishedRow(o.Level, o.MunicipalityId, o.OrganisationId, o.IndicatorCode, o.OrganisationKind, o.MunicipalityGroup,
                new Figure(o.Numerator, o.Denominator, o.Value, o.LevelCode),
                o.Municipality == null ? null : o.Municipality.Name,
                o.Organisation == null ? null : o.Organisation.Name))
            .ToListAsync();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Municipality.RegionId == regionId)
            .GroupBy(o => new { o.MunicipalityId, o.Kind })
            .Select(g => new OrganisationCount(g.Key.MunicipalityId, g.Key.Kind, g.Count()))
            .ToListAsync();
        return (rows, organisations);
    }

    private static QualityWarning Mismatch(CampaignInfo campaign, string territory, string link, SliceFigure slice) =>
        new(QualityIssueKind.TotalDiffersFromParts, campaign, territory, link, slice.Indicator, Format.Slice(slice), QualityText.Mismatch(slice));

    private static string LevelSlice(Indicator indicator, Figure figure, OrganisationKind? kind, MunicipalityGroup? group) =>
        indicator.Kind == IndicatorKind.Level ? $"{Format.Slice(kind, group)}, {Format.Level(indicator, figure.LevelCode).ToLowerInvariant()}" : Format.Slice(kind, group);

    private static (string Name, string? Link) Place(RegionSummary region, CampaignInfo campaign, ObservationLevel level,
        int? municipalityId, string? municipality, int? organisationId, string? organisation) => level switch
    {
        ObservationLevel.Region => (region.Name, $"regions/{region.Id}?campaign={campaign.Id}"),
        ObservationLevel.Municipality => (municipality!, $"municipalities/{municipalityId}?campaign={campaign.Id}"),
        _ => ($"{organisation} ({municipality})", $"organisations/{organisationId}?campaign={campaign.Id}"),
    };
}

/// <summary>Russian wording of data-quality warnings, shown where the figures are and in the region's list.</summary>
public static class QualityText
{
    public static string Title(QualityIssueKind kind) => kind switch
    {
        QualityIssueKind.TotalDiffersFromParts => "Итог не равен сумме частей",
        QualityIssueKind.ShareAbove100 => "Доля больше 100 %",
        QualityIssueKind.NumeratorAboveDenominator => "Часть больше целого",
        QualityIssueKind.PercentDiffersFromCounts => "Процент не соответствует числам",
        QualityIssueKind.LevelCountsDifferFromTotal => "Сумма по уровням не равна числу организаций",
        QualityIssueKind.PercentTruncated => "Процент напечатан с отброшенными знаками",
        QualityIssueKind.ConclusionContradictsFigures => "Вывод противоречит данным отчёта",
        QualityIssueKind.PrintedTwiceDifferently => "Одно значение напечатано по-разному",
        QualityIssueKind.ImpossibleDate => "Невозможная дата",
        QualityIssueKind.UnreadableValue => "Значение не читается",
        _ => kind.ToString(),
    };

    public static string Describe(QualityIssueKind kind, Indicator indicator, Figure figure, decimal? total = null)
    {
        var denominator = figure.Denominator ?? total;
        return kind switch
        {
            QualityIssueKind.ShareAbove100 => $"Опубликовано {Format.PublishedPercent(figure.Value!.Value)}",
            QualityIssueKind.NumeratorAboveDenominator => $"{Format.Number(figure.Numerator)} из {Format.Number(denominator)}",
            QualityIssueKind.PercentDiffersFromCounts =>
                $"Опубликовано {Format.PublishedPercent(figure.Value!.Value)}, а {Format.Number(figure.Numerator)} из {Format.Number(denominator)}"
                + $"{(figure.Denominator is null ? " организаций" : "")} — это {Format.Percent(FigureChecks.PercentOfCounts(figure, total))}",
            QualityIssueKind.PercentTruncated =>
                $"Напечатано {Format.PublishedPercent(figure.Value!.Value)}: {Format.Number(figure.Numerator)} из {Format.Number(denominator)} — это "
                + $"{Exact(FigureChecks.PercentOfCounts(figure, total)!.Value, figure.Value.Value)}, последние знаки отброшены, а не округлены",
            _ => Title(kind),
        };
    }

    /// <summary>The exact percentage with one digit more than printed: «70,89 %» beside a printed «70,8 %».</summary>
    private static string Exact(decimal exact, decimal printed)
    {
        var digits = (decimal.GetBits(printed)[3] >> 16) & 0xFF;
        return Math.Round(exact, digits + 1, MidpointRounding.AwayFromZero).ToString("0." + new string('0', digits + 1), Format.Russian) + "\u00A0%";
    }

    /// <summary>"Опубликовано 1 007 ОО, по данным нижестоящего уровня 1 080 ОО".</summary>
    public static string Mismatch(SliceFigure slice) => string.Join("; ", new[]
    {
        slice.IsOwnMismatch ? $"Опубликовано {Published(slice)}, по данным нижестоящего уровня {FromChildren(slice)}" : null,
        // A region adding up published municipal figures: those figures against their own organisations.
        slice.IsMunicipalMismatch
            ? $"По опубликованным данным муниципалитетов {AggregateText(slice.Indicator, slice.FromChildren!)}, по организациям {AggregateText(slice.Indicator, slice.FromOrganisations!)}"
            : null,
    }.OfType<string>());

    private static string AggregateText(Indicator indicator, Aggregate aggregate) => indicator.Kind == IndicatorKind.Level
        ? LevelCounts(indicator, aggregate.LevelCounts!.ToDictionary(kv => kv.Key, kv => (decimal)kv.Value))
        : Format.Detail(indicator, aggregate.Figure) is { Length: > 0 } d ? d : Format.Headline(indicator, aggregate.Figure);

    /// <summary>Problems of the published figure itself, for a warning next to it.</summary>
    public static IReadOnlyList<string> OfPublished(SliceFigure slice) =>
        slice.Published is { } published
            ? FigureChecks.Check(slice.Indicator, published).Select(k => $"{Title(k)}: {Describe(k, slice.Indicator, published)}").ToList()
            : [];

    /// <summary>Every warning about a slice: its published total against its parts and the checks of the figure itself.</summary>
    public static string? Warning(SliceFigure slice)
    {
        var all = (slice.IsMismatch ? [Mismatch(slice)] : new List<string>()).Concat(OfPublished(slice)).Concat(slice.SourceNotes).ToList();
        return all.Count == 0 ? null : string.Join("; ", all);
    }

    private static string Published(SliceFigure s) => s.Indicator.Kind == IndicatorKind.Level
        ? LevelCounts(s.Indicator, s.PublishedLevels!)
        : Format.Detail(s.Indicator, s.Published) is { Length: > 0 } d ? d : Format.Headline(s.Indicator, s.Published);

    private static string FromChildren(SliceFigure s) => s.Indicator.Kind == IndicatorKind.Level
        ? LevelCounts(s.Indicator, s.PublishedLevels!.Keys.ToDictionary(k => k, k => (decimal)s.FromChildren!.LevelCounts!.GetValueOrDefault(k)))
        : Format.Detail(s.Indicator, s.FromChildren!.Figure) is { Length: > 0 } d ? d : Format.Headline(s.Indicator, s.FromChildren!.Figure);

    private static string LevelCounts(Indicator indicator, IReadOnlyDictionary<int, decimal> counts) =>
        string.Join(", ", counts.OrderBy(kv => kv.Key).Select(kv => $"{Format.Level(indicator, kv.Key).ToLowerInvariant()} {Format.Number(kv.Value)}"));
}
