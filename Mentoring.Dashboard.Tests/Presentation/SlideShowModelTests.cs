using Mentoring.Dashboard.Model;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Services.Presentation;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mentoring.Dashboard.Tests.Presentation;

/// <summary>A deck on show without a page: moving, following the other window, automatic advance and live rebuilds on a fake clock.</summary>
public sealed class SlideShowModelTests : IDisposable
{
    private static readonly CampaignInfo Round = new(7, "Мониторинг ЦМН", new DateOnly(2026, 5, 15), "тест");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 8, 27, 6, 0, 0, TimeSpan.Zero));
    private readonly TestModelHost host = new();
    private readonly List<int> announced = [];
    private readonly SlideShowModel model;

    public SlideShowModelTests()
    {
        model = new SlideShowModel(time, host) { Moved = slide => { lock (announced) announced.Add(slide); return Task.CompletedTask; } };
        model.Use(DeckOf("title", "plan", "forms", "ranking"));
    }

    public void Dispose() => model.Dispose();

    [Fact]
    public async Task KeysMoveWithinTheDeck_AndEachMoveIsAnnouncedToTheOtherWindow_OnceAndOneBased()
    {
        model.StartAt(99); // a stale link to a longer deck: the last slide
        Assert.Equal((3, "ranking", true), (model.Index, model.Current!.Key, model.IsLast));

        await model.RunAsync(SlideShowModel.CommandFor("ArrowRight")); // already at the end: nothing moves
        await model.RunAsync(SlideShowModel.CommandFor("Home"));
        await model.RunAsync(SlideShowModel.CommandFor(" "));
        await model.RunAsync(SlideShowModel.CommandFor("PageUp"));
        await model.RunAsync(SlideShowModel.CommandFor("End"));

        Assert.Equal([1, 2, 1, 4], announced);
        Assert.Equal(SlideCommand.FullScreen, SlideShowModel.CommandFor("а")); // F in the Russian layout
        Assert.Equal(SlideCommand.None, SlideShowModel.CommandFor("Tab"));
    }

    [Fact]
    public void FollowingTheOtherWindow_MovesWithoutAnnouncingItBack_AndIgnoresSlidesThatAreNotThere()
    {
        Assert.True(model.Follow(3));
        Assert.False(model.Follow(3));
        Assert.False(model.Follow(0));
        Assert.False(model.Follow(5));

        Assert.Equal(("forms", "ranking"), (model.Current!.Key, model.Following!.Key));
        Assert.Empty(announced);
    }

    [Fact]
    public async Task AutomaticAdvance_MovesEveryPeriod_WrapsAfterTheLastSlide_AndStopsWhenSwitchedOff()
    {
        model.StartAt(3);
        model.AutoAdvance(10);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(2, model.Index); // the period has not passed: the timer cannot have fired
        time.Advance(TimeSpan.FromSeconds(1));
        await TestModelHost.Until(() => model.Index == 3);
        time.Advance(TimeSpan.FromSeconds(10));
        await TestModelHost.Until(() => model.Index == 0);
        Assert.Equal([4, 1], announced);

        model.AutoAdvance(0);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, model.Index);
        Assert.Equal(2, host.Refreshes);
    }

    [Fact]
    public async Task AFigureChangeInTheDecksRound_RebuildsTheDeckAtOnce_OnTheSameSlide_EvenWhenSlidesMovedAroundIt()
    {
        var feed = new InProcessFigureChangeFeed(NullLogger<InProcessFigureChangeFeed>.Instance);
        var rebuilt = DeckOf("title", "summary", "plan", "forms", "ranking");
        var reloads = 0;
        model.StartAt(3); // «forms»
        model.KeepCurrent(() => { Interlocked.Increment(ref reloads); return Task.FromResult(rebuilt); }, feed);

        feed.Dispatch(new FigureChange(Round.Id + 1, 1, new HashSet<int>(), new HashSet<int>()) { Version = 1 }); // another round
        feed.Dispatch(new FigureChange(Round.Id, 1, new HashSet<int>(), new HashSet<int>()) { Version = 2 });
        await TestModelHost.Until(() => ReferenceEquals(model.Deck, rebuilt));

        Assert.Equal(1, reloads);
        Assert.Equal((3, "forms", 5), (model.Index, model.Current!.Key, model.Slides.Count));
        Assert.Equal(time.GetUtcNow(), model.RefreshedAt);
        Assert.Empty(announced); // a rebuild is not a move: the other window rebuilds on its own
    }

    [Fact]
    public async Task WithoutChanges_TheDeckIsRebuiltEveryHalfMinute_AndAGoneSlideLeavesTheShowNearItsPlace()
    {
        var feed = new InProcessFigureChangeFeed(NullLogger<InProcessFigureChangeFeed>.Instance);
        var rebuilt = DeckOf("title", "plan", "ranking"); // «forms» has nothing to show any more
        model.StartAt(3);
        model.KeepCurrent(() => Task.FromResult(rebuilt), feed);

        time.Advance(SlideShowModel.RefreshEvery - TimeSpan.FromSeconds(1));
        Assert.NotSame(rebuilt, model.Deck);
        time.Advance(TimeSpan.FromSeconds(1));
        await TestModelHost.Until(() => ReferenceEquals(model.Deck, rebuilt));

        Assert.Equal((2, "ranking"), (model.Index, model.Current!.Key));
    }

    [Fact]
    public async Task NotesAreSavedTrimmed_EmptyNotesAsNone_AndARefusalIsShownWithTheTextKept()
    {
        var saved = new Dictionary<string, string?>();
        model.StartAt(2);

        model.Notes = "  Сказать о плане.  ";
        await model.SaveNotesAsync((key, text) => { saved[key] = text; return Task.CompletedTask; });
        Assert.Equal(("Сказать о плане.", "Заметки сохранены.", false), (model.Current!.Notes, model.NotesMessage, model.NotesFailed));
        Assert.Equal("  Сказать о плане.  ", saved["plan"]);

        model.Notes = new string('а', 5000);
        await model.SaveNotesAsync((_, _) => throw new ArgumentException("Заметки длиннее 4000 символов."));
        Assert.Equal(("Заметки длиннее 4000 символов.", true, "Сказать о плане."), (model.NotesMessage, model.NotesFailed, model.Current!.Notes));
        Assert.Equal(5000, model.Notes!.Length);

        model.Notes = " ";
        await model.SaveNotesAsync((_, _) => Task.CompletedTask);
        Assert.Null(model.Current!.Notes);
        await model.NextAsync();
        Assert.Null(model.NotesMessage); // another slide: the last one's message is not its own
    }

    private static Deck DeckOf(params string[] keys) =>
        new("Томская область", Round, keys.Select(k => new Slide(k, SlideKind.Title, k)).ToList());
}
