using Mentoring.Dashboard.Security;

namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>Which deck is meant: a saved one (by id for its author, by share link for anyone), else one generated for a territory.</summary>
public sealed record DeckRequest(int? DeckId, Guid? ShareToken, TerritoryRef? Territory, int? CampaignId);

/// <summary>
/// One way to get a deck, for the slide show and the .pptx download alike: the saved layout (if any) applied to slides
/// generated from live data, with the viewer's scope and the author's (or the viewer's) name on the title slide.
/// </summary>
public sealed class DeckLoader(DeckBuilder builder, DeckStore store)
{
    public async Task<StoredDeck?> StoredAsync(DeckRequest request, CancellationToken ct = default) =>
        request.ShareToken is { } token ? await store.GetSharedAsync(token, ct)
        : request.DeckId is { } id ? await store.GetMineAsync(id, ct)
        : null;

    public async Task<Deck> LoadAsync(DeckRequest request, StoredDeck? stored, CancellationToken ct = default)
    {
        var territory = stored?.Territory ?? request.Territory ?? throw new TerritoryAccessDeniedException();
        var speaker = stored?.Author ?? await store.CurrentSpeakerAsync(ct);
        var generated = await builder.BuildAsync(territory, stored?.CampaignId ?? request.CampaignId, speaker, ct);
        return stored is null ? generated : generated with { Slides = DeckLayout.Apply(generated.Slides, stored.Layout) };
    }

    public async Task<Deck> LoadAsync(DeckRequest request, CancellationToken ct = default) =>
        await LoadAsync(request, await StoredAsync(request, ct), ct);
}
