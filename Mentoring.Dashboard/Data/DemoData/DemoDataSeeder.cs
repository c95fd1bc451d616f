using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>Fills an empty database with the five seed regions, in one transaction.</summary>
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
