using System.Security.Claims;
using System.Text.Json;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services.Presentation;

public sealed record DeckSummary(int Id, string Name, string Territory, Guid ShareToken, DateTimeOffset UpdatedAt);

/// <summary>A saved deck as its owner or a viewer of its link gets it: where it points and how it is arranged.</summary>
public sealed record StoredDeck(int Id, string Name, TerritoryRef Territory, int? CampaignId, IReadOnlyList<SlideSetting> Layout, Guid ShareToken, bool IsOwner, Speaker Author);

/// <summary>
/// Presenters' saved decks. A deck belongs to its author: only they list, edit and delete it. Its share link opens it
/// for any signed-in user, and the figures are then read with the viewer's own scope (the territory is checked here
/// too, so a viewer outside it learns nothing, not even the deck's name).
/// </summary>
public sealed class DeckStore(ScopedDbContextFactory contextFactory, ICurrentUser currentUser, TerritoryGuard guard, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    private const int MaxSlides = 100;

    public async Task<IReadOnlyList<DeckSummary>> ListMineAsync(CancellationToken ct = default)
    {
        var owner = await OwnerIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var decks = await db.SavedDecks.AsNoTracking().Where(d => d.OwnerId == owner).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var municipalityIds = decks.Select(d => d.MunicipalityId).OfType<int>().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return decks.OrderByDescending(d => d.Id)
            .Select(d => new DeckSummary(d.Id, d.Name, d.MunicipalityId is { } m ? municipalities[m] : regions[d.RegionId], d.ShareToken, d.UpdatedAt))
            .ToList();
    }

    /// <summary>Saves a new deck about a territory the user may see; returns its id.</summary>
    public async Task<int> CreateAsync(TerritoryRef territory, int? campaignId, string name, IReadOnlyList<SlideSetting> layout, CancellationToken ct = default)
    {
        var path = await guard.DemandAsync(territory, TerritoryAccessRequirement.Aggregates, ct);
        var owner = await OwnerIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var deck = new SavedDeck
        {
            OwnerId = owner, Name = Clean(name), RegionId = path.RegionId, MunicipalityId = path.MunicipalityId, CampaignId = campaignId,
            LayoutJson = JsonSerializer.Serialize(Validated(layout)), ShareToken = Guid.NewGuid(), UpdatedAt = clock.GetUtcNow(),
        };
        db.SavedDecks.Add(deck);
        await db.SaveChangesAsync(ct);
        return deck.Id;
    }

    /// <summary>The owner's deck; anyone else's id answers like a missing one.</summary>
    public async Task<StoredDeck> GetMineAsync(int id, CancellationToken ct = default)
    {
        var owner = await OwnerIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var deck = await db.SavedDecks.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == owner, ct)
                   ?? throw new TerritoryAccessDeniedException();
        return ToStored(deck, isOwner: true, await AuthorAsync(db, deck, ct));
    }

    /// <summary>A deck by its share link, for a viewer who may see its territory.</summary>
    public async Task<StoredDeck> GetSharedAsync(Guid token, CancellationToken ct = default)
    {
        var owner = await OwnerIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var deck = await db.SavedDecks.AsNoTracking().FirstOrDefaultAsync(d => d.ShareToken == token, ct) ?? throw new TerritoryAccessDeniedException();
        var stored = ToStored(deck, deck.OwnerId == owner, await AuthorAsync(db, deck, ct));
        await guard.DemandAsync(stored.Territory, TerritoryAccessRequirement.Aggregates, ct);
        return stored;
    }

    public async Task SaveAsync(int id, string name, IReadOnlyList<SlideSetting> layout, CancellationToken ct = default)
    {
        var owner = await OwnerIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var deck = await db.SavedDecks.FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == owner, ct) ?? throw new TerritoryAccessDeniedException();
        deck.Name = Clean(name);
        deck.LayoutJson = JsonSerializer.Serialize(Validated(layout));
        deck.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The presenter's own notes for one slide, kept in the deck's layout (its author only).</summary>
    public async Task SaveNotesAsync(int id, string slideKey, string? notes, CancellationToken ct = default)
    {
        var text = InputText.Lines(notes) is { Length: > 0 } cleaned ? cleaned : null;
        var owner = await OwnerIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var deck = await db.SavedDecks.FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == owner, ct) ?? throw new TerritoryAccessDeniedException();
        var layout = JsonSerializer.Deserialize<List<SlideSetting>>(deck.LayoutJson) ?? [];
        var index = layout.FindIndex(s => s.Key == slideKey);
        if (index >= 0)
            layout[index] = layout[index] with { Notes = text };
        else
            layout.Add(new SlideSetting(slideKey, Notes: text));
        deck.LayoutJson = JsonSerializer.Serialize(Validated(layout));
        deck.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        var owner = await OwnerIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await db.SavedDecks.Where(d => d.Id == id && d.OwnerId == owner).ExecuteDeleteAsync(ct);
    }

    /// <summary>Who presents a deck not saved yet: the signed-in user, as their profile names them.</summary>
    public async Task<Speaker> CurrentSpeakerAsync(CancellationToken ct = default)
    {
        var id = await OwnerIdAsync();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await SpeakerAsync(db, id, ct);
    }

    private static Task<Speaker> AuthorAsync(MentoringDbContext db, SavedDeck deck, CancellationToken ct) => SpeakerAsync(db, deck.OwnerId, ct);

    private static async Task<Speaker> SpeakerAsync(MentoringDbContext db, string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => new Speaker(u.DisplayName, u.Position, u.Workplace)).FirstOrDefaultAsync(ct)
        ?? new Speaker("");

    private static StoredDeck ToStored(SavedDeck deck, bool isOwner, Speaker author) => new(
        deck.Id, deck.Name,
        deck.MunicipalityId is { } m ? TerritoryRef.Municipality(m) : TerritoryRef.Region(deck.RegionId),
        deck.CampaignId,
        JsonSerializer.Deserialize<List<SlideSetting>>(deck.LayoutJson) ?? [],
        deck.ShareToken, isOwner, author);

    private static string Clean(string name)
    {
        var trimmed = InputText.Line(name);
        if (trimmed.Length == 0)
            throw new ArgumentException("Укажите название презентации.");
        return trimmed.Length > MaxNameLength ? trimmed[..MaxNameLength] : trimmed;
    }

    /// <summary>Bounds what a layout may hold: titles and texts of sensible length, a sensible number of slides.</summary>
    private static IReadOnlyList<SlideSetting> Validated(IReadOnlyList<SlideSetting> layout)
    {
        if (layout.Count > MaxSlides)
            throw new ArgumentException($"В презентации не больше {MaxSlides} слайдов.");
        if (layout.Any(s => s.Title?.Length > DeckLayout.MaxTitleLength))
            throw new ArgumentException($"Заголовок слайда — не длиннее {DeckLayout.MaxTitleLength} символов.");
        if (layout.Any(s => s.Text?.Length > DeckLayout.MaxTextLength))
            throw new ArgumentException($"Текст слайда — не длиннее {DeckLayout.MaxTextLength} символов.");
        if (layout.Any(s => s.Notes?.Length > DeckLayout.MaxTextLength))
            throw new ArgumentException($"Заметки к слайду — не длиннее {DeckLayout.MaxTextLength} символов.");
        return layout;
    }

    /// <summary>The signed-in author, as they are now: a locked or changed account reads and writes no deck.</summary>
    private async Task<string> OwnerIdAsync()
    {
        var id = (await currentUser.GetAsync()).FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new TerritoryAccessDeniedException();
        await guard.DemandCurrentAccountAsync();
        return id;
    }
}
