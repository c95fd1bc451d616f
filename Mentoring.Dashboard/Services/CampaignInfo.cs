using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services;

/// <summary>A campaign as the views list it; <see cref="State"/> tells a round still collecting from a closed one.</summary>
public sealed record CampaignInfo(int Id, string Title, DateOnly AsOf, string Source, CampaignState State = CampaignState.Closed)
{
    public bool IsCollecting => State == CampaignState.Collecting;

    /// <summary>Organisations that submitted, of <see cref="Expected"/>; both null for a round loaded from a published report.</summary>
    public int? Reported { get; init; }

    /// <summary>The organisations of the region a round collected in the system asks to report; null for a published report.</summary>
    public int? Expected { get; init; }

    /// <summary>Collected in the system and closed before every organisation reported.</summary>
    public bool IsPartial => State == CampaignState.Closed && Expected is { } expected && Reported < expected;

    /// <summary>
    /// Its figures are those of whoever reported, not the territory's: still collecting, or closed incomplete. Such a
    /// round is never compared with another: a fall that only reflects missing reports must not read as a decline.
    /// </summary>
    public bool IsIncomplete => IsCollecting || IsPartial;

    /// <summary>«сдали 43 из 127 организаций», for the sentences that say why a comparison is held back.</summary>
    public string ReportedText => $"сдали {Reported ?? 0} из {Format.Plural(Expected ?? 0, "организации", "организаций", "организаций")}";

    /// <summary>
    /// Why <paramref name="current"/> is not compared with <paramref name="earlier"/>, or null when they compare: a
    /// round still collecting or closed incomplete holds the figures of whoever reported, and a fall that only reflects
    /// missing reports must never read as a decline.
    /// </summary>
    public static string? WhyNotCompared(CampaignInfo current, CampaignInfo? earlier) =>
        current.IsCollecting ? $"Мониторинг на {Format.Date(current.AsOf)} ещё идёт ({current.ReportedText}), поэтому изменения не рассчитываются — "
                               + "неполные данные выглядели бы как снижение. Сравнение появится после закрытия мониторинга."
        : current.IsPartial ? $"Мониторинг на {Format.Date(current.AsOf)} закрыт при неполном сборе ({current.ReportedText}), поэтому изменения "
                              + "к прошлому мониторингу не рассчитываются: недостающие отчёты выглядели бы как снижение."
        : earlier is { IsIncomplete: true } ? $"Мониторинг на {Format.Date(earlier.AsOf)} закрыт при неполном сборе ({earlier.ReportedText}), "
                                              + "поэтому изменения к нему не рассчитываются: разница отражала бы недостающие отчёты, а не динамику."
        : null;

    /// <summary>How a comparison names this earlier round: «2021 г.» when the years differ (as the seeds write), else its date.</summary>
    public string LabelBefore(CampaignInfo later) => AsOf.Year != later.AsOf.Year ? $"{AsOf.Year} г." : Format.Date(AsOf);

    /// <summary>
    /// The one rule for "the previous round": the latest closed round before <paramref name="current"/>. Cards,
    /// dynamics, conclusions, decks and «Что изменилось» all compare with it; none for a round still collecting.
    /// </summary>
    public static CampaignInfo? Previous(IReadOnlyList<CampaignInfo> campaigns, CampaignInfo current) => current.IsCollecting
        ? null
        : campaigns.Where(c => c.State == CampaignState.Closed && c.AsOf < current.AsOf).MaxBy(c => c.AsOf);

    /// <summary>
    /// The campaign a page shows: the one asked for, else the latest closed one (a round still collecting holds the
    /// figures of whoever has reported so far, not the territory's), else the latest. <paramref name="campaigns"/> is newest first.
    /// </summary>
    public static CampaignInfo? Pick(IReadOnlyList<CampaignInfo> campaigns, int? requestedId) =>
        campaigns.FirstOrDefault(c => c.Id == requestedId)
        ?? campaigns.FirstOrDefault(c => c.State == CampaignState.Closed)
        ?? campaigns.FirstOrDefault();
}
