using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Services.Presentation;

namespace Mentoring.Dashboard.Model;

/// <summary>What a key pressed in a deck's window asks for.</summary>
public enum SlideCommand { None, Next, Previous, First, Last, FullScreen }

/// <summary>
/// A deck on show (<c>Components/Slides/SlideShow.razor</c>) as state and behaviour: the slide on screen, moving and
/// following the deck's other window, automatic advance, the presenter's notes, and the deck rebuilt from live data
/// every half minute and whenever a figure of its round changes, staying on the slide that was on screen. Timers run on
/// the injected clock. The page renders it and does the browser's part (windows, full screen) through
/// <see cref="Moved"/>.
/// </summary>
public sealed class SlideShowModel(TimeProvider time, IModelHost host) : IDisposable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource lifetime = new();
    private CancellationTokenSource? autoAdvance;
    private IDisposable? figureChanges;
    private Deck? shownParameter;

    public Deck Deck { get; private set; } = default!;
    public IReadOnlyList<Slide> Slides { get; private set; } = [];
    /// <summary>The slide on screen, from 0.</summary>
    public int Index { get; private set; }
    public Slide? Current => Index < Slides.Count ? Slides[Index] : null;
    public Slide? Following => Index + 1 < Slides.Count ? Slides[Index + 1] : null;
    public bool IsFirst => Index == 0;
    public bool IsLast => Index >= Slides.Count - 1;
    /// <summary>The notes being edited for the slide on screen (the presenter's text area binds to it).</summary>
    public string? Notes { get; set; }
    public string? NotesMessage { get; private set; }
    public bool NotesFailed { get; private set; }
    public DateTimeOffset RefreshedAt { get; private set; } = time.GetUtcNow();

    /// <summary>This window moved to a slide (1-based): the page tells the deck's other window.</summary>
    public Func<int, Task>? Moved { get; set; }

    /// <summary>The deck the page was given, once per new deck (a component never writes its own parameter).</summary>
    public void Use(Deck deck)
    {
        if (ReferenceEquals(shownParameter, deck))
            return;
        shownParameter = deck;
        Show(deck);
    }

    /// <summary>The slide shown first (1-based, from the URL); out of range falls back to the nearest.</summary>
    public void StartAt(int slide) => SetIndex(Math.Clamp(slide - 1, 0, Math.Max(0, Slides.Count - 1)));

    public static SlideCommand CommandFor(string key) => key switch
    {
        "ArrowRight" or " " or "PageDown" or "Enter" => SlideCommand.Next,
        "ArrowLeft" or "PageUp" or "Backspace" => SlideCommand.Previous,
        "Home" => SlideCommand.First,
        "End" => SlideCommand.Last,
        // F, also in the Russian layout (А); Esc leaves full screen in the browser itself.
        "f" or "F" or "а" or "А" => SlideCommand.FullScreen,
        _ => SlideCommand.None,
    };

    /// <summary>Carries out a navigation command; <see cref="SlideCommand.FullScreen"/> is the page's to do.</summary>
    public Task RunAsync(SlideCommand command) => command switch
    {
        SlideCommand.Next => GoAsync(Index + 1),
        SlideCommand.Previous => GoAsync(Index - 1),
        SlideCommand.First => GoAsync(0),
        SlideCommand.Last => GoAsync(Slides.Count - 1),
        _ => Task.CompletedTask,
    };

    public Task NextAsync() => GoAsync(Index + 1);

    public Task PreviousAsync() => GoAsync(Index - 1);

    /// <summary>The deck's other window moved to a slide (1-based): follow without announcing it back.</summary>
    public bool Follow(int slide)
    {
        if (slide < 1 || slide > Slides.Count || slide - 1 == Index)
            return false;
        SetIndex(slide - 1);
        return true;
    }

    public async Task SaveNotesAsync(Func<string, string?, Task> save)
    {
        var slide = Slides[Index];
        try
        {
            await save(slide.Key, Notes);
            var saved = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
            Slides = Slides.Select(s => s.Key == slide.Key ? s with { Notes = saved } : s).ToList();
            (NotesMessage, NotesFailed) = ("Заметки сохранены.", false);
        }
        catch (ArgumentException e)
        {
            (NotesMessage, NotesFailed) = (e.Message, true);
        }
    }

    /// <summary>Moves on every <paramref name="seconds"/> (back to the first slide after the last); 0 stops.</summary>
    public void AutoAdvance(int seconds)
    {
        autoAdvance?.Cancel();
        if (seconds <= 0)
            return;
        autoAdvance = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        var token = autoAdvance.Token;
        host.RunInBackground(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
            while (await timer.WaitForNextTickAsync(token))
                await host.InvokeAsync(async () =>
                {
                    await GoAsync(IsLast ? 0 : Index + 1);
                    host.Refresh();
                });
        });
    }

    /// <summary>
    /// Rebuilds the deck from live data every <see cref="RefreshEvery"/> and at once when a figure of its round changes,
    /// so a figure that changes during the conference changes on the slide.
    /// </summary>
    public void KeepCurrent(Func<Task<Deck>> reload, IFigureChangeFeed feed)
    {
        var token = lifetime.Token;
        host.RunInBackground(async () =>
        {
            using var timer = new PeriodicTimer(RefreshEvery, time);
            while (await timer.WaitForNextTickAsync(token))
                await RefreshAsync(reload);
        });
        figureChanges = feed.Subscribe(change =>
        {
            if (change.CampaignId == Deck.Campaign.Id)
                host.RunInBackground(() => RefreshAsync(reload));
        });
    }

    public void Dispose()
    {
        figureChanges?.Dispose();
        lifetime.Cancel();
        lifetime.Dispose();
    }

    private async Task RefreshAsync(Func<Task<Deck>> reload)
    {
        if (lifetime.IsCancellationRequested)
            return;
        var fresh = await reload();
        await host.InvokeAsync(() =>
        {
            Show(fresh);
            RefreshedAt = time.GetUtcNow();
            host.Refresh();
            return Task.CompletedTask;
        });
    }

    /// <summary>Shows a (re)built deck, staying on the slide that was on screen (or near its place, if it is gone).</summary>
    private void Show(Deck fresh)
    {
        var currentKey = Current?.Key;
        Deck = fresh;
        Slides = fresh.Visible;
        var found = currentKey is null ? -1 : Slides.ToList().FindIndex(s => s.Key == currentKey);
        Index = found >= 0 ? found : Math.Clamp(Index, 0, Math.Max(0, Slides.Count - 1));
    }

    private async Task GoAsync(int target)
    {
        target = Math.Clamp(target, 0, Math.Max(0, Slides.Count - 1));
        if (target == Index)
            return;
        SetIndex(target);
        if (Moved is not null)
            await Moved(Index + 1);
    }

    private void SetIndex(int target)
    {
        Index = target;
        Notes = Current?.Notes;
        NotesMessage = null;
    }
}
