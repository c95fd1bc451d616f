using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Dashboard.Services;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Tests.Analytics;

/// <summary>«Дальше всего от цели»: the municipalities furthest from the region's final targets, checked against their own figures.</summary>
[Collection(SqliteDatabaseCollection.Name)]
public class TargetOutlookTests(SqliteSeededDatabase database)
{
    [Fact]
    public async Task TheMunicipalitiesFurthestBehind_AreThoseMissingMostTargets_ByTheirOwnFigures()
    {
        var admin = TestUsers.For(Roles.Administrator);
        var tomsk = await database.RegionIdAsync("tomsk");
        var plans = await new PlanProgress(database.ScopedAs(admin), database.Queries).GetAsync(tomsk);

        var lagging = await new TargetOutlook(database.Queries, database.GuardAs(TestUsers.For(Roles.Administrator))).LaggingAsync(tomsk, plans, take: 5);

        Assert.Equal(5, lagging.Count);
        Assert.Equal(lagging.OrderByDescending(m => m.Below).ThenByDescending(m => m.MeanGap).Select(m => m.Id), lagging.Select(m => m.Id));
        // The first one, recomputed from its own page's figures: each planned share (all organisations) against its final target.
        var first = lagging[0];
        var latest = plans.Where(p => p.Latest is not null).Max(p => p.Latest!.AsOf);
        var campaign = (await database.Queries.GetCampaignsAsync(tomsk)).Single(c => c.AsOf == latest).Id;
        var own = await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Municipality(first.Id));
        var gaps = plans.Where(p => p.IsPercent)
            .Select(p => own.FirstOrDefault(f => f.Indicator.Code == p.Indicator.Code)?.Slices
                .FirstOrDefault(s => s.Kind == p.Kind && s.Group is null)?.Shown?.Percent is { } value ? p.FinalTarget.Target - value : (decimal?)null)
            .OfType<decimal>().ToList();
        Assert.Equal((gaps.Count(g => g > 0), gaps.Count, Math.Round(gaps.Where(g => g > 0).Average(), 1)), (first.Below, first.Compared, first.MeanGap));
        // Tomsk's municipalities report the forms only: the programme's shares have no municipal figures to compare.
        Assert.Equal(4, first.Compared);
        Assert.True(first.Origin.IsGenerated()); // its schools are demo organisations, and the list says so
    }

    [Fact]
    public async Task ARegionWithoutPlans_HasNobodyBehind()
    {
        var belgorod = await database.RegionIdAsync("belgorod");
        var plans = await new PlanProgress(database.ScopedAs(TestUsers.For(Roles.Administrator)), database.Queries).GetAsync(belgorod);

        Assert.Empty(plans);
        Assert.Empty(await new TargetOutlook(database.Queries, database.GuardAs(TestUsers.For(Roles.Administrator))).LaggingAsync(belgorod, plans, take: 5));
    }
}
