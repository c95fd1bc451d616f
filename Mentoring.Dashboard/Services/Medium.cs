namespace Mentoring.Dashboard.Services;

/// <summary>Where a figure is rendered; each medium marks an origin its own way (<see cref="OriginText"/>).</summary>
public enum Medium
{
    /// <summary>A card, table cell or tooltip: a short mark («*», «†», «⚠») explained by a footnote or badge.</summary>
    Web,
    /// <summary>A chart's data label or legend: the short mark, explained under the chart.</summary>
    Chart,
    /// <summary>A generated sentence (headline, «Главное», «Выводы», «Что изменилось»): the mark in words.</summary>
    Sentence,
    /// <summary>A downloaded cell: the mark in words, since a spreadsheet has no footnote.</summary>
    Export,
}
