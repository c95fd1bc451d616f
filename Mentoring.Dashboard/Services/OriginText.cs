using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// The one place an origin becomes a mark. Generated, partial and contradicted figures are marked in every medium;
/// a computed one needs no mark (its counts are beside it) and a printed one is shown as printed.
/// </summary>
public static class OriginText
{
    public const string GeneratedMark = "\u00A0*";
    public const string PartialMark = "\u00A0\u2020";
    public const string ContradictedMark = "\u00A0\u26A0";

    public const string GeneratedWords = "демо";
    public const string PartialWords = "неполный сбор";
    public const string ContradictedWords = "источник противоречит себе";

    public const string GeneratedFootnote = "* значение по демонстрационным (сгенерированным) данным";
    public const string PartialFootnote = "† мониторинг, в котором сдали данные не все организации: значение неполное";
    public const string ContradictedFootnote = "⚠ источник приводит для этого значения разные цифры (см. «Качество данных»)";

    /// <summary>The short marks of an origin, for a chart label, a table cell or a list: «\u00A0*\u00A0†».</summary>
    public static string Mark(FigureOrigin origin) =>
        (origin.IsGenerated() ? GeneratedMark : "") + (origin.IsPartial() ? PartialMark : "") + (origin.IsContradicted() ? ContradictedMark : "");

    /// <summary>The origin in words, for a sentence or a spreadsheet cell: «демо, неполный сбор»; empty when nothing to say.</summary>
    public static string Words(FigureOrigin origin) => string.Join(", ", new[]
    {
        origin.IsGenerated() ? GeneratedWords : null,
        origin.IsPartial() ? PartialWords : null,
        origin.IsContradicted() ? ContradictedWords : null,
    }.OfType<string>());

    /// <summary>The footnotes that explain the marks of <paramref name="origins"/>, each once, in a fixed order.</summary>
    public static IReadOnlyList<string> Footnotes(IEnumerable<FigureOrigin> origins)
    {
        var all = origins.Aggregate(FigureOrigin.Published, (a, b) => a | b);
        return new[]
        {
            all.IsGenerated() ? GeneratedFootnote : null,
            all.IsPartial() ? PartialFootnote : null,
            all.IsContradicted() ? ContradictedFootnote : null,
        }.OfType<string>().ToList();
    }

    /// <summary>A text that states a number (a name with a value, a change) with the origin's mark for the medium.</summary>
    public static string Render(string text, FigureOrigin origin, Medium medium) => medium switch
    {
        // «нет данных» states no number, so it has no origin to mark.
        _ when !origin.NeedsMark() || text == Format.NoData => text,
        Medium.Sentence or Medium.Export => $"{text} ({Words(origin)})",
        _ => text + Mark(origin),
    };
}
