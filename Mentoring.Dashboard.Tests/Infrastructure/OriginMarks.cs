using System.Text.RegularExpressions;
using Mentoring.Dashboard.Services;

namespace Mentoring.Dashboard.Tests.Infrastructure;

/// <summary>A downloaded cell states its origin in words («90,9 % (демо)»); the page beside it shows the same value with a badge.</summary>
public static partial class OriginMarks
{
    /// <summary>The value without the origin's words, as the page prints it before its badge.</summary>
    public static string Unmarked(string cell) => Words().Replace(cell, "");

    /// <summary>Whether the cell says its value was generated.</summary>
    public static bool IsGenerated(string? cell) => cell is not null && Words().Match(cell) is { Success: true } m && m.Value.Contains(OriginText.GeneratedWords, StringComparison.Ordinal);

    [GeneratedRegex(@" \((?:демо|неполный сбор|источник противоречит себе)(?:, (?:демо|неполный сбор|источник противоречит себе))*\)$")]
    private static partial Regex Words();
}
