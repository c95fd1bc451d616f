using Bunit;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Planning;

namespace Mentoring.Dashboard.Tests.Components;

public class ProgressStatusBadgeTests : DashboardTestContext
{
    [Theory]
    [InlineData(ProgressStatus.TargetAchieved, "✔", "Цель достигнута")]
    [InlineData(ProgressStatus.AccelerationNeeded, "◆", "Прогресс есть, нужно ускорение")]
    [InlineData(ProgressStatus.Deterioration, "✖", "Ухудшение")]
    public void Status_IsSymbolAndWords_NotColourAlone(ProgressStatus status, string symbol, string words)
    {
        var badge = Render<ProgressStatusBadge>(p => p.Add(c => c.Status, status));

        Assert.Equal(symbol, badge.Find("[aria-hidden=true]").TextContent);
        Assert.Contains(words, badge.Find(".status").TextContent);
    }
}
