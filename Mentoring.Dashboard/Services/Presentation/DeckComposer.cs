using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Domain.Indicators;

namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>Who presents a deck, as the title slide names them.</summary>
public sealed record Speaker(string Name, string? Position = null, string? Organisation = null)
{
    /// <summary>«Министр образования, Министерство образования и науки …»: what follows the name.</summary>
    public string Affiliation => string.Join(", ", new[] { Position, Organisation }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>Everything a deck shows, loaded (and scope-checked) by <see cref="DeckBuilder"/>.</summary>
public sealed record DeckData(
    string TerritoryName,
    Speaker Speaker,
    CampaignInfo Campaign,
    IReadOnlyList<IndicatorFigures> Figures,
    IReadOnlyList<PlanSeries> Plans,
    DynamicsReport? Dynamics,
    Indicator? RankingIndicator,
    IReadOnlyList<ComparisonRow> Ranking,
    IReadOnlyList<Conclusion> Conclusions,
    IReadOnlyList<Recommendation>? Recommendations,
    int? OwnMunicipalityId = null,
    RegionBeside? Region = null,
    SchoolForms? Schools = null);

/// <summary>A municipality's deck compares it with its region: the region's name and figures of the same round.</summary>
public sealed record RegionBeside(string Name, IReadOnlyList<IndicatorFigures> Figures);

/// <summary>
/// Turns loaded data into a story for a conference hall: a title, then one slide per key message (key figures, plan
/// and fact, change since the previous round, municipalities ranked, forms, documents), each titled by the sentence
/// that states its finding, then «Главное» repeating those findings. The long lists (every change, every conclusion,
/// non-starters, targeted recommendations) follow the «Приложение» divider, for questions and the handout. A section
/// without data is left out, never shown empty. Pure, so that tests can compose decks from any data.
/// </summary>
public static class DeckComposer
{
    private const int KeyFigureCount = 6;
    private const int PlansPerSlide = 6;
    /// <summary>A long ranking shows its top and its bottom: leaders and laggards are what a hall needs to see.</summary>
    private const int RankingRows = 10;
    private const int ChangesOnChart = 5;
    private const int ChangesPerSlide = 7;
    private const int ListsPerSlide = 4;
    /// <summary>About as much text as fits a slide at 28 px: conclusions are split over slides by length, not count.</summary>
    private const int ConclusionCharactersPerSlide = 750;
    /// <summary>
    /// Non-starters are lists of names, read by looking one's own up, not as sentences: about twice as much to a slide,
    /// in smaller type (<see cref="IsDense"/>), so a region with many does not fill the appendix with half-empty slides.
    /// The most that fits at 1280×720 and in the .pptx at 18 pt (both checked by the slide-fit tests).
    /// </summary>
    private const int NonStarterCharactersPerSlide = 1500;

    /// <summary>
    /// A slide of conclusions longer than one of sentences holds: set in smaller type on the page. The .pptx keeps
    /// 18 pt, which <see cref="NonStarterCharactersPerSlide"/> is the most of.
    /// </summary>
    public static bool IsDense(Slide slide) => slide.Conclusions.Sum(c => c.Text.Length) > ConclusionCharactersPerSlide;

    public static IReadOnlyList<Slide> Compose(DeckData data)
    {
        var story = new List<Slide>();
        var appendix = new List<Slide>();
        var changes = data.Dynamics is { Base: not null } d
            ? d.Indicators.SelectMany(i => i.Region).Where(c => c.EarlierRound is null).ToList()
            : [];
        var baseLabel = data.Dynamics?.BaseLabel ?? "";

        var key = KeyFigures.Pick(data.Figures, KeyFigureCount)
            .Select(f => new KeyFigure(f,
                changes.FirstOrDefault(c => c.Indicator.Code == f.Indicator.Code && c.Kind == f.Kind && c.Group == f.Group),
                data.Plans.FirstOrDefault(p => p.Indicator.Code == f.Indicator.Code && p.Kind == f.Kind && f.Group is null && p.Latest is not null)))
            .ToList();
        if (key.Count > 0)
            story.Add(new("key-figures", SlideKind.KeyFigures, DeckHeadlines.KeyFigures(key, baseLabel))
            {
                Topic = "Ключевые показатели", Subtitle = $"на {Format.Date(data.Campaign.AsOf)}", KeyFigures = key, BaseLabel = baseLabel,
            });

        var plans = data.Plans.Where(p => p.Latest is not null).ToList();
        if (plans.Count > 0)
        {
            story.Add(PlanSlide("plan", plans.Take(PlansPerSlide).ToList(), DeckHeadlines.Plan(plans), isAppendix: false));
            foreach (var (chunk, index) in plans.Skip(PlansPerSlide).Chunk(PlansPerSlide).Select((c, i) => (c, i)))
                appendix.Add(PlanSlide($"plan-more-{index}", chunk, "План и факт: остальные показатели", isAppendix: true));
        }

        if (changes.Count > 0)
        {
            // The chart shows the biggest changes in percentage points; the appendix has every comparable value.
            var charted = changes.Where(c => c.After.IsPercent && c.Before.IsPercent)
                .OrderByDescending(c => Math.Abs(c.Change.Delta)).Take(ChangesOnChart).ToList();
            if (charted.Count > 0)
                story.Add(new("dynamics", SlideKind.Dynamics, DeckHeadlines.Dynamics(changes))
                {
                    Topic = $"Динамика: по сравнению с {baseLabel}", Subtitle = "наибольшие изменения, %", Changes = charted, BaseLabel = baseLabel,
                });
            foreach (var (chunk, index) in changes.Chunk(ChangesPerSlide).Select((c, i) => (c, i)))
                appendix.Add(new($"dynamics-{index}", SlideKind.Dynamics, $"Динамика: все показатели{(index > 0 ? " (продолжение)" : "")}")
                {
                    Topic = $"по сравнению с {baseLabel}", Changes = chunk, BaseLabel = baseLabel, IsAppendix = true,
                });
            var lists = data.Dynamics!.Indicators.SelectMany(i => i.Lists()).Where(l => l.Increased.Count + l.Decreased.Count > 0).Take(ListsPerSlide).ToList();
            if (lists.Count > 0)
                appendix.Add(new("dynamics-municipalities", SlideKind.Dynamics, $"Муниципалитеты: рост и снижение с {baseLabel}")
                {
                    Lists = lists, BaseLabel = baseLabel, IsAppendix = true,
                });
        }

        // A municipality's deck tells its own story first: how it compares with its region, then its place.
        var against = data.Region is { } region ? GroupChart.Compare(data.Figures, region.Figures, data.TerritoryName, region.Name) : null;
        if (against is not null)
            story.Add(new("against-region", SlideKind.Forms, DeckHeadlines.AgainstRegion(against))
            {
                Topic = $"{IndicatorCatalogue.GroupName(against.Group)}: муниципалитет и регион", Chart = against,
                Subtitle = "доля организаций / обучающихся, %",
            });

        if (data.RankingIndicator is { } ranked && ComparisonRow.Ranked(data.Ranking) is { Count: >= 3 } ranking)
            story.Add(new($"ranking-{ranked.Code}", SlideKind.Ranking,
                (data.Region is not null ? DeckHeadlines.Place(ranking, ComparisonRow.Places(ranking), data.OwnMunicipalityId) : null) ?? DeckHeadlines.Ranking(ranking))
            {
                Topic = $"Сравнение муниципалитетов: {ranked.ShortName}",
                Subtitle = ranking.Count > RankingRows ? $"{ranked.Name} — первые и последние {RankingRows / 2} из {ranking.Count}" : ranked.Name,
                Ranking = Shown(ranking, data.OwnMunicipalityId, out var gaps),
                RankingGaps = gaps,
                Places = ComparisonRow.Places(ranking),
                OwnMunicipalityId = data.OwnMunicipalityId,
            });

        // A municipality's deck then names its schools: those with the fewest forms, which its head is asked about.
        if (data.Schools is { } schools)
            story.Add(new("schools", SlideKind.Schools, DeckHeadlines.Schools(schools))
            {
                Topic = "Организации муниципалитета: формы наставничества",
                Subtitle = schools.Rows.Count > schools.Fewest.Count
                    ? $"меньше всего форм: {schools.Fewest.Count} из {Format.Plural(schools.Rows.Count, "организации", "организаций", "организаций")}"
                    : "сколько форм реализует каждая организация",
                Schools = schools,
            });

        // By kind of organisation where the data has it: a column per group of municipalities as well would be too fine
        // to read across a hall (Kuzbass publishes by group only, and keeps its groups).
        var formFigures = data.Figures.Where(f => f.Indicator.Group is IndicatorGroup.Forms or IndicatorGroup.StudentMentoring)
            .Select(f => f.Slices.Any(s => s.Group is null && s.Shown is not null) ? f with { Slices = f.Slices.Where(s => s.Group is null).ToList() } : f)
            .ToList();
        // Forms by kind of organisation, unless the municipality's forms are already shown beside its region's.
        if (against is null && GroupChart.Build(formFigures) is { } forms)
            story.Add(new("forms", SlideKind.Forms, DeckHeadlines.Forms(forms))
            {
                Topic = "Формы наставничества", Chart = forms, Subtitle = "доля организаций / обучающихся, %",
            });

        var documents = data.Figures.Where(f => f.Indicator.Group == IndicatorGroup.Documents).Select(f => f.Headline).OfType<SliceFigure>().ToList();
        if (documents.Count > 0)
            story.Add(new("documents", SlideKind.Documents, DeckHeadlines.Documents(documents))
            {
                Topic = "Локальные нормативные акты", Figures = documents,
            });

        if (story.Count >= 2)
            story.Add(new("summary", SlideKind.Summary, "Главное") { Points = story.Select(s => s.Title).ToList() });

        foreach (var (chunk, index) in ByLength(data.Conclusions.Where(c => !c.IsAboutNonStarters).ToList(), ConclusionCharactersPerSlide).Select((c, i) => (c, i)))
            appendix.Add(new($"conclusions-{index}", SlideKind.Conclusions, index == 0 ? "Выводы" : "Выводы (продолжение)") { Conclusions = chunk, IsAppendix = true });

        foreach (var (chunk, index) in ByLength(data.Conclusions.Where(c => c.IsAboutNonStarters).ToList(), NonStarterCharactersPerSlide).Select((c, i) => (c, i)))
            appendix.Add(new($"not-started-{index}", SlideKind.Conclusions, "Не приступили к реализации форм наставничества")
            {
                Conclusions = chunk.Select(c => c with { Text = c.UnderHeading }).ToList(), IsAppendix = true,
            });

        if (data.Recommendations is { Count: > 0 } recommendations)
            appendix.Add(new("recommendations", SlideKind.Recommendations, "Адресные рекомендации") { Recommendations = recommendations, IsAppendix = true });

        var slides = new List<Slide> { TitleSlide(data) };
        slides.AddRange(story);
        if (appendix.Count > 0)
        {
            slides.Add(new("appendix", SlideKind.Appendix, "Приложение")
            {
                Points = appendix.Select(s => s.Title).Distinct().ToList(), IsAppendix = true,
            });
            slides.AddRange(appendix);
        }
        return slides.Select(s => s with { Notes = SpeakerNotes.For(s, data) }).ToList();
    }

    private static Slide TitleSlide(DeckData data) => new("title", SlideKind.Title, data.TerritoryName)
    {
        Subtitle = $"Реализация целевой модели наставничества: данные мониторинга по состоянию на {Format.Date(data.Campaign.AsOf)}",
        Text = data.Speaker.Name,
        Points = data.Speaker.Affiliation.Length > 0 ? [data.Speaker.Affiliation] : [],
    };

    private static Slide PlanSlide(string key, IReadOnlyList<PlanSeries> plans, string title, bool isAppendix) => new(key, SlideKind.Plan, title)
    {
        // A plan's fact is of all organisations unless a row names its kind, while key figures are often of schools:
        // said once, where it does not take a row's room.
        Topic = $"План и факт {ProgressText.UntilTargetYear(plans)}".TrimEnd() + (plans.Any(p => p.Kind is null) ? " · все ОО, если не указано иное" : ""),
        Plans = plans,
        IsAppendix = isAppendix,
    };

    /// <summary>
    /// A long ranking's top and bottom, and the viewer's own municipality between them wherever it stands; the rows left
    /// out are counted by the row they come before.
    /// </summary>
    private static List<ComparisonRow> Shown(List<ComparisonRow> ranking, int? own, out Dictionary<int, int> gaps)
    {
        gaps = [];
        if (ranking.Count <= RankingRows)
            return ranking;
        var half = RankingRows / 2;
        var shown = ranking.Take(half).ToList();
        var ownIndex = ranking.FindIndex(r => r.Id == own);
        if (ownIndex >= half && ownIndex < ranking.Count - half)
        {
            if (ownIndex > half)
                gaps[shown.Count] = ownIndex - half;
            shown.Add(ranking[ownIndex]);
            if (ranking.Count - half - ownIndex - 1 > 0)
                gaps[shown.Count] = ranking.Count - half - ownIndex - 1;
        }
        else
            gaps[shown.Count] = ranking.Count - RankingRows;
        shown.AddRange(ranking.TakeLast(half));
        return shown;
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
