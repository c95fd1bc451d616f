using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>
/// A round of Krasnoyarsk open for collection, so a first start shows data entry at work: the curator's form
/// (СШ № 50 has not reported yet) and the collection progress, with about a third of the organisations in. It asks
/// for what the May 2023 round collected; the reported figures are generated and marked as demo data.
/// </summary>
internal static class CollectingCampaignSeed
{
    public static readonly DateOnly AsOf = new(2026, 12, 1);
    private const string Title = "Мониторинг реализации целевой модели наставничества (демонстрационный сбор)";
    private const string DemoCurator = "СШ № 50";

    /// <summary>Adds the round and its submissions; the figures go into <paramref name="builder"/> for the caller to save.</summary>
    public static async Task BuildAsync(MentoringDbContext db, DemoDataBuilder builder, CancellationToken ct)
    {
        var region = await db.Regions.SingleAsync(r => r.Code == "krasnoyarsk", ct);
        var collectedBefore = await db.Campaigns.Where(c => c.RegionId == region.Id && c.State == CampaignState.Closed)
            .OrderByDescending(c => c.AsOf).Select(c => c.CollectedIndicatorCodes).FirstAsync(ct);
        var indicators = IndicatorCatalogue.All.Where(i => collectedBefore.Split(',').Contains(i.Code)).ToList();
        var campaign = Campaign.Open(region.Id, Title, AsOf, indicators);
        campaign.StartCollecting();
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct); // its id, for the submissions

        var organisations = await db.Organisations.Where(o => o.Municipality.RegionId == region.Id)
            .OrderBy(o => o.Id).ToListAsync(ct);
        var random = new Random(2026);
        var submittedAt = new DateTimeOffset(2026, 11, 16, 3, 0, 0, TimeSpan.Zero);
        // Every third organisation has reported, the demo curator's school not among them.
        foreach (var (organisation, index) in organisations.Select((o, i) => (o, i)).Where(x => x.i % 3 == 0 && x.o.Name != DemoCurator))
        {
            foreach (var indicator in indicators)
                builder.AtOrganisation(campaign, indicator.Code, organisation, Value(indicator, random), DemoDataBuilder.GeneratorSource, isSynthetic: true);
            var submission = new Submission(campaign.Id, organisation.Id);
            db.Submissions.Add(submission);
            submission.Submit("демо-данные", submittedAt.AddMinutes(37 * index));
        }
    }

    private static Figure Value(Indicator indicator, Random random) => indicator.Kind switch
    {
        IndicatorKind.Fact => Figure.Fact(random.NextDouble() < 0.8),
        IndicatorKind.Share => random.Next(5, 60) is var whole ? Figure.Share(random.Next(0, whole + 1), whole) : default,
        IndicatorKind.Count => Figure.Count(random.Next(0, 15)),
        _ => Figure.Level(random.Next(1, indicator.Levels!.Count + 1)),
    };
}
