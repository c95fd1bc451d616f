using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Services;

/// <summary>A municipality's figure of one indicator, flattened for a sortable, filterable table and a chart.</summary>
public sealed record ComparisonRow(
    int Id,
    string Name,
    string KindText,
    MunicipalityGroup Group,
    int Organisations,
    decimal? Value,
    string ValueText,
    string Detail,
    string SchoolsText,
    string SupplementaryText,
    FigureOrigin Origin,
    bool IsMismatch,
    bool ValueIsPercent,
    string SliceLabel)
{
    /// <summary>Its value has a generated part (demo organisations or a demo register).</summary>
    public bool IsSynthetic => Origin.IsGenerated();

    /// <summary>The value with its origin for <paramref name="medium"/>: «100 % (демо)» in a sentence.</summary>
    public string Render(Medium medium) => OriginText.Render(ValueText, Origin, medium);

    /// <param name="kind">A slicer's kind of organisation: the row shows that slice (else its headline slice).</param>
    public static ComparisonRow From(MunicipalityRow row, OrganisationKind? kind = null)
    {
        var indicator = row.Figures.Indicator;
        var headline = kind is null ? row.Figures.Headline : row.Figures.Slices.FirstOrDefault(s => s.Kind == kind && s.Group is null && s.HasData);
        string Of(OrganisationKind kind) =>
            row.Figures.Slices.FirstOrDefault(s => s.Kind == kind && s.Group is null) is { } s ? Text(indicator, s) : "";
        return new ComparisonRow(
            row.Id,
            row.Name,
            Format.MunicipalityKind(row.Kind),
            Municipality.GroupOf(row.Kind),
            row.Organisations,
            headline is null ? null : SortValue(indicator, headline),
            headline is null ? Format.NoData : Text(indicator, headline),
            headline is null ? "" : Format.Detail(indicator, headline.Shown),
            Of(OrganisationKind.School),
            Of(OrganisationKind.Supplementary),
            headline?.Origin ?? FigureOrigin.Published,
            row.Figures.Slices.Any(s => s.IsMismatch),
            headline is not null && IsPercent(indicator, headline),
            headline is null ? "" : Format.Slice(headline));
    }

    /// <summary>The ranking as the table, the chart, the download and the slide show it: highest first, equal values by name.</summary>
    public static List<ComparisonRow> Ranked(IEnumerable<ComparisonRow> rows) =>
        rows.Where(r => r.Value is not null).OrderByDescending(r => r.Value).ThenBy(r => r.Name, NaturalOrder.Instance).ToList();

    /// <summary>
    /// Each municipality's place by share: one more than those with a higher value, so equal values share a place.
    /// Counts do not rank (the big cities would always come first).
    /// </summary>
    public static Dictionary<int, int> Places(IReadOnlyList<ComparisonRow> rows)
    {
        var shares = rows.Where(r => r.Value is not null && r.ValueIsPercent).ToList();
        return shares.ToDictionary(r => r.Id, r => shares.Count(o => o.Value > r.Value) + 1);
    }

    /// <summary>"Значение (ОУ)": the value column's title, naming the slice most rows show when it is not all organisations.</summary>
    public static string ValueTitle(IReadOnlyList<ComparisonRow> rows) =>
        rows.Where(r => r.Value is not null).GroupBy(r => r.SliceLabel).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key is { } label
            && label != Format.OrganisationKindShort(null)
            ? $"Значение ({label})"
            : "Значение";

    /// <summary>A published count of organisations ("24 ОО") is a number; shares, facts with totals and levels are %.</summary>
    private static bool IsPercent(Indicator indicator, SliceFigure slice) =>
        indicator.Kind == IndicatorKind.Level || indicator.Kind != IndicatorKind.Count && slice.Shown?.Percent is not null;

    private static decimal? SortValue(Indicator indicator, SliceFigure slice) => indicator.Kind switch
    {
        IndicatorKind.Level => slice.LevelPercent(indicator.Levels![0].Code),
        _ => slice.Shown?.Headline(indicator.Kind),
    };

    private static string Text(Indicator indicator, SliceFigure slice) => indicator.Kind switch
    {
        IndicatorKind.Level => SortValue(indicator, slice) is not null ? $"{FigureText.LevelSummary(slice)} — {indicator.Levels![0].Name.ToLowerInvariant()}" : Format.NoData,
        _ => Format.Headline(indicator, slice.Shown),
    };
}
