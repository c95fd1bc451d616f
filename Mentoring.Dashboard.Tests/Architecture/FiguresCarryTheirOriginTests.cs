using System.Text.RegularExpressions;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Architecture;

/// <summary>
/// Formatting a bare number for a user is the hard path: the code that writes sentences, slides, charts and downloads
/// states figures only through their origin (<c>OriginText</c>, <c>Measure.Said</c>, <c>ComparisonRow.Render</c>,
/// <c>ChartPoint.Label</c>), never with <c>Format.Percent</c>, <c>Format.Number</c> and the like on a decimal.
/// </summary>
public partial class FiguresCarryTheirOriginTests
{
    /// <summary>The code that turns figures into what a user reads aloud, projects or downloads.</summary>
    private static readonly string[] Outputs =
    [
        "Mentoring.Dashboard/Components/Slides", "Mentoring.Dashboard/Components/Charts", "Mentoring.Dashboard/Services/Presentation",
        "Mentoring.Dashboard/Services/Export", "Mentoring.Dashboard/Services/Analytics/Conclusions.cs", "Mentoring.Dashboard/Services/Analytics/VisitChanges.cs",
    ];

    /// <summary>Numbers that are no figure of the data: a chart's scale, how many organisations a recommendation names.</summary>
    private static readonly string[] NotFigures = ["шкала: 0–@Format.Percent(", "$\" из {Format.Number(r.Reporting)}"];

    [Fact]
    public void NoOutput_FormatsABareNumber_WithoutItsOrigin()
    {
        var root = DashboardApp.SolutionFolder();
        var files = Outputs.Select(p => Path.Combine(root, p))
            .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*.*", SearchOption.AllDirectories) : [p])
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 15, $"only {files.Count} output files found under {root}");

        var bare = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => BareFormat().IsMatch(l.Text) && !NotFigures.Any(allowed => l.Text.Contains(allowed, StringComparison.Ordinal))
                        // Rendering through the origin is the way: the bare number is its argument.
                        && !l.Text.Contains("OriginText.Render(", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(bare.Count == 0, "A figure formatted without its origin:\n" + string.Join("\n", bare));
    }

    [GeneratedRegex(@"\bFormat\.(Percent|PublishedPercent|Number|Delta)\(")]
    private static partial Regex BareFormat();
}
