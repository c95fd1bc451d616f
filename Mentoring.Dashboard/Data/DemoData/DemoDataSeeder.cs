using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>Fills an empty database with the five seed regions and one round open for collection, in one transaction.</summary>
public static class DemoDataSeeder
{
    public static async Task SeedAsync(MentoringDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Regions.AnyAsync(cancellationToken))
            return;

        var builder = new DemoDataBuilder(db);
        KuzbassSeed.Build(builder);
        KrasnodarSeed.Build(builder);
        StaryOskolSeed.Build(builder);
        TomskSeed.Build(builder);
        KrasnoyarskSeed.Build(builder);

        // What each seed campaign collected from organisations: the indicators it has organisation figures for
        // (so its intake spreadsheet and organisation forms show them, read-only once closed).
        foreach (var (campaign, indicators) in builder.Observations
                     .Where(o => o.Level == ObservationLevel.Organisation)
                     .GroupBy(o => o.Campaign)
                     .Select(g => (g.Key, g.Select(o => o.IndicatorCode).ToHashSet())))
            campaign.RecordCollectedIndicators(IndicatorCatalogue.All.Where(i => indicators.Contains(i.Code)));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await builder.SaveAsync(cancellationToken);
        await CollectingCampaignSeed.BuildAsync(db, builder, cancellationToken);
        await builder.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
