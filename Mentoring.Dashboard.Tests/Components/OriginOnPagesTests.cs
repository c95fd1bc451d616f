using Bunit;
using Mentoring.Dashboard.Components.Charts;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Tests.Components;

/// <summary>
/// Every territory's indicator table, key-figure cards and ranking chart, rendered from the demo database: a figure with
/// a generated part carries «демо» and one without it does not.
/// </summary>
[Collection(SqliteDatabaseCollection.Name)]
public class OriginOnPagesTests(SqliteSeededDatabase database) : DashboardTestContext
{
    [Fact]
    public async Task EveryTableCellCardAndRankingLabel_OfEveryRegionAndMunicipality_CarriesItsOriginsMark()
    {
        var (cells, generated) = (0, 0);
        await using var db = await database.Factory.CreateDbContextAsync();
        var rounds = await db.Campaigns.Where(c => c.Source != Campaign.CollectedInSystem)
            .Select(c => new { c.Id, c.RegionId, Municipalities = db.Municipalities.Where(m => m.RegionId == c.RegionId).Select(m => m.Id).ToList() })
            .ToListAsync();
        foreach (var round in rounds)
        {
            var territories = round.Municipalities.Select(TerritoryRef.Municipality).Prepend(TerritoryRef.Region(round.RegionId));
            foreach (var territory in territories)
            {
                var figures = await database.Queries.GetFiguresAsync(round.Id, territory);
                var table = Render<IndicatorTable>(p => p.Add(t => t.Figures, figures));
                var columns = FigureText.SliceColumns(figures);
                foreach (var figure in figures)
                {
                    var row = table.FindAll($"tr[data-indicator='{figure.Indicator.Code}'] td");
                    foreach (var slice in figure.Slices)
                    {
                        var cell = row[columns.IndexOf(Format.Slice(slice))];
                        Assert.True(slice.Origin.IsGenerated() == (cell.QuerySelector(".demo-badge") is not null),
                            $"{territory}, round {round.Id}, {figure.Indicator.Code} {Format.Slice(slice)}: origin {slice.Origin}, cell «{cell.TextContent.Trim()}»");
                        cells++;
                        generated += slice.Origin.IsGenerated() ? 1 : 0;
                    }
                }
                foreach (var slice in KeyFigures.Pick(figures, 8))
                {
                    var card = Render<SliceKpiCard>(p => p.Add(c => c.Slice, slice));
                    Assert.Equal(slice.Origin.IsGenerated(), card.FindAll(".demo-badge").Count == 1);
                }
            }
            foreach (var indicator in await database.Queries.GetComparableIndicatorsAsync(round.RegionId, round.Id))
            {
                var rows = (await database.Queries.GetMunicipalityRowsAsync(round.RegionId, round.Id, indicator.Code)).Select(r => ComparisonRow.From(r)).ToList();
                if (rows.All(r => r.Value is null))
                    continue;
                var chart = DashboardCharts.MunicipalityRanking(rows, indicator);
                Assert.All(chart.Series[0].Points.Zip(ComparisonRow.Ranked(rows)), x =>
                    Assert.Equal(x.Second.IsSynthetic, x.First.Label.EndsWith(OriginText.GeneratedMark, StringComparison.Ordinal)
                                                       || x.First.Label.Contains(OriginText.GeneratedMark + OriginText.ContradictedMark, StringComparison.Ordinal)));
                Assert.Equal(rows.Any(r => r.IsSynthetic && r.Value is not null), chart.Footnotes.Contains(OriginText.GeneratedFootnote));
            }
        }
        // Both kinds are there to check: published cells without a mark, generated ones with it.
        Assert.True(generated > 100 && cells - generated > 100, $"{generated} generated of {cells} cells");
    }
}
