namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>
/// A presenter's choice for one slide: shown or hidden, its own title, their own notes (null: the generated ones); text
/// slides carry their text.
/// </summary>
public sealed record SlideSetting(string Key, bool Hidden = false, string? Title = null, string? Text = null, string? Notes = null)
{
    public const string TextPrefix = "text-";

    public bool IsTextSlide => Key.StartsWith(TextPrefix, StringComparison.Ordinal);
}

/// <summary>
/// Applies a saved layout to freshly generated slides: the saved order, hidden flags and titles, plus the presenter's
/// text slides. Slides the data now produces but the layout does not know are added at the end; slides the data no
/// longer produces are dropped (their figures are gone).
/// </summary>
public static class DeckLayout
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 2_000;

    public static IReadOnlyList<Slide> Apply(IReadOnlyList<Slide> generated, IReadOnlyList<SlideSetting> settings)
    {
        var byKey = generated.ToDictionary(s => s.Key);
        var result = new List<Slide>();
        foreach (var setting in settings)
        {
            if (setting.IsTextSlide)
                result.Add(new Slide(setting.Key, SlideKind.Text, setting.Title ?? "") { Text = setting.Text, IsHidden = setting.Hidden, Notes = setting.Notes });
            else if (byKey.Remove(setting.Key, out var slide))
                result.Add(slide with
                {
                    Title = string.IsNullOrWhiteSpace(setting.Title) ? slide.Title : setting.Title,
                    IsHidden = setting.Hidden,
                    Notes = setting.Notes ?? slide.Notes,
                });
        }
        result.AddRange(generated.Where(s => byKey.ContainsKey(s.Key)));
        return result;
    }

    /// <summary>The layout that keeps a deck as it is now (for saving after an edit).</summary>
    public static IReadOnlyList<SlideSetting> From(IReadOnlyList<Slide> slides, IReadOnlyList<Slide> generated)
    {
        var byKey = generated.ToDictionary(s => s.Key);
        return slides.Select(s => s.Kind == SlideKind.Text
                ? new SlideSetting(s.Key, s.IsHidden, s.Title, s.Text, s.Notes)
                : new SlideSetting(s.Key, s.IsHidden,
                    byKey.GetValueOrDefault(s.Key)?.Title == s.Title ? null : s.Title,
                    Notes: byKey.GetValueOrDefault(s.Key)?.Notes == s.Notes ? null : s.Notes))
            .ToList();
    }
}
