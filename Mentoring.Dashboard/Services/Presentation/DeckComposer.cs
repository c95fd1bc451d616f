using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>Everything a deck shows, loaded (and scope-checked) by <see cref="DeckBuilder"/>.</summary>
public sealed record DeckData(
    string TerritoryName,
    string Presenter,
    CampaignInfo Campaign,
    IReadOnlyList<IndicatorFigures> Figures,
    IReadOnlyList<PlanSeries> Plans,
    DynamicsReport? Dynamics,
    Indicator? RankingIndicator,
    IReadOnlyList<ComparisonRow> Ranking,
    IReadOnlyList<Conclusion> Conclusions,
    IReadOnlyList<Recommendation>? Recommendations);

/// <summary>
/// Turns loaded data into slides, in the order of the seeds' conference decks. A section without data is left out,
/// never shown empty. Pure, so that tests can compose decks from any data.
/// </summary>
public static class DeckComposer
{
    private const int KeyFigureCount = 6;
    private const int PlansPerSlide = 4;
    private const int RankingRows = 15;
    private const int ChangesPerSlide = 6;
    private const int ListsPerSlide = 4;
    /// <summary>About as much text as fits a slide at 28 px: conclusions are split over slides by length, not count.</summary>
    private const int ConclusionCharactersPerSlide = 750;

    public static IReadOnlyList<Slide> Compose(DeckData data)
    {
        var slides = new List<Slide>
        {
            new("title", SlideKind.Title, data.TerritoryName)
            {
                Subtitle = $"Реализация целевой модели наставничества: данные мониторинга по состоянию на {Format.Date(data.Campaign.AsOf)}",
                Text = data.Presenter,
                Notes = data.Campaign.Title + ". " + data.Campaign.Source,
            },
        };

        var key = KeyFigures.Pick(data.Figures, KeyFigureCount);
        if (key.Count > 0)
            slides.Add(new("key-figures", SlideKind.KeyFigures, "Ключевые показатели") { Figures = key, Subtitle = $"на {Format.Date(data.Campaign.AsOf)}" });

        foreach (var group in data.Plans.Where(p => p.Latest is not null).GroupBy(p => p.Indicator.Group))
            foreach (var (chunk, index) in group.Chunk(PlansPerSlide).Select((c, i) => (c, i)))
                slides.Add(new($"plan-{group.Key}-{index}", SlideKind.Plan, $"{IndicatorCatalogue.GroupName(group.Key)}: план и факт {ProgressText.UntilTargetYear(group)}".TrimEnd())
                {
                    Plans = chunk,
                    Notes = string.Join(" ", chunk.Select(p => $"{p.Indicator.ShortName}: {ProgressText.Label(p.Assessment.Status).ToLowerInvariant()}.")),
                });

        if (data.Dynamics is { Base: not null } dynamics)
        {
            // Against the base round only: a slide's column says which round that is.
            var changes = dynamics.Indicators.SelectMany(i => i.Region).Where(c => c.EarlierRound is null).ToList();
            foreach (var (chunk, index) in changes.Chunk(ChangesPerSlide).Select((c, i) => (c, i)))
                slides.Add(new($"dynamics-{index}", SlideKind.Dynamics, $"Динамика: по сравнению с {dynamics.BaseLabel}{(index > 0 ? " (продолжение)" : "")}")
                {
                    Changes = chunk,
                    BaseLabel = dynamics.BaseLabel,
                });
            var lists = dynamics.Indicators.SelectMany(i => i.Lists()).Where(l => l.Increased.Count + l.Decreased.Count > 0).Take(ListsPerSlide).ToList();
            if (lists.Count > 0)
                slides.Add(new("dynamics-municipalities", SlideKind.Dynamics, $"Муниципалитеты: рост и снижение с {dynamics.BaseLabel}")
                {
                    Lists = lists,
                    BaseLabel = dynamics.BaseLabel,
                });
        }

        if (data.RankingIndicator is { } ranked && data.Ranking.Count(r => r.Value is not null) >= 3)
            slides.Add(new($"ranking-{ranked.Code}", SlideKind.Ranking, "Сравнение муниципалитетов")
            {
                Subtitle = data.Ranking.Count(r => r.Value is not null) is var reporting && reporting > RankingRows
                    ? $"{ranked.Name} — первые {RankingRows} из {reporting}"
                    : ranked.Name,
                Ranking = ComparisonRow.Ranked(data.Ranking).Take(RankingRows).ToList(),
            });

        if (GroupChart.Build(data.Figures.Where(f => f.Indicator.Group is IndicatorGroup.Forms or IndicatorGroup.StudentMentoring).ToList()) is { } forms)
            slides.Add(new("forms", SlideKind.Forms, "Формы наставничества") { Chart = forms, Subtitle = "доля организаций / обучающихся, %" });

        var documents = data.Figures.Where(f => f.Indicator.Group == IndicatorGroup.Documents).Select(f => f.Headline).OfType<SliceFigure>().ToList();
        if (documents.Count > 0)
            slides.Add(new("documents", SlideKind.Documents, "Локальные нормативные акты") { Figures = documents });

        foreach (var (chunk, index) in ByLength(data.Conclusions, ConclusionCharactersPerSlide).Select((c, i) => (c, i)))
            slides.Add(new($"conclusions-{index}", SlideKind.Conclusions, index == 0 ? "Выводы" : "Выводы (продолжение)") { Conclusions = chunk });

        if (data.Recommendations is { Count: > 0 } recommendations)
            slides.Add(new("recommendations", SlideKind.Recommendations, "Адресные рекомендации") { Recommendations = recommendations });

        return slides;
    }

    private static IEnumerable<List<Conclusion>> ByLength(IReadOnlyList<Conclusion> conclusions, int budget)
    {
        var chunk = new List<Conclusion>();
        var length = 0;
        foreach (var conclusion in conclusions)
        {
            if (chunk.Count > 0 && length + conclusion.Text.Length > budget)
            {
                yield return chunk;
                (chunk, length) = ([], 0);
            }
            chunk.Add(conclusion);
            length += conclusion.Text.Length;
        }
        if (chunk.Count > 0)
            yield return chunk;
    }
}
