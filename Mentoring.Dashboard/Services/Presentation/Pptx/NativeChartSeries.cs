namespace Mentoring.Dashboard.Services.Presentation.Pptx;

/// <summary>One series of a native chart: its name, its value per category (null: no data, no bar), its colour.</summary>
public sealed record NativeChartSeries(string Name, IReadOnlyList<decimal?> Values, string Colour);
