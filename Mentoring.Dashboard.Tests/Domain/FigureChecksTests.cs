using Mentoring.Domain.Analysis;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Tests.Domain;

public class FigureChecksTests
{
    private static readonly Indicator Share = IndicatorCatalogue.Get(IndicatorCatalogue.YoungTeachersMentees);

    [Theory]
    [InlineData(701, 878, 79.8, false)] // rounded to the printed digit
    [InlineData(701, 878, 80, false)] // Krasnoyarsk's «701 из 878 — 80 %»
    [InlineData(16, 111, 15, true)] // Krasnoyarsk's 15 % for 14,4 %: more than half a unit away
    [InlineData(16, 111, 14, false)]
    [InlineData(1, 8, 12.5, false)]
    [InlineData(1, 8, 13, false)] // 12,5 rounds half up
    [InlineData(1, 8, 12, false)] // or is cut off
    [InlineData(1, 8, 11, true)]
    [InlineData(207, 292, 70.8, false)] // cut off to the printed digit (Tomsk)
    [InlineData(110, 111, 99.0, false)] // storage writes 99 back as 99.0
    [InlineData(30, 111, 32, true)]
    [InlineData(15, 16, 94, false)]
    [InlineData(15, 16, 95, true)]
    public void PrintedPercent_IsCheckedAgainstItsCounts(int numerator, int denominator, double printed, bool flagged)
    {
        var issues = FigureChecks.Check(Share, Figure.Share(numerator, denominator, (decimal)printed));

        Assert.Equal(flagged, issues.Contains(QualityIssueKind.PercentDiffersFromCounts));
    }

    [Fact]
    public void APartAboveItsWhole_AndAShareAbove100_AreFlagged()
    {
        Assert.Contains(QualityIssueKind.NumeratorAboveDenominator, FigureChecks.Check(Share, Figure.Share(30, 25)));
        Assert.Contains(QualityIssueKind.ShareAbove100, FigureChecks.Check(Share, Figure.PercentOnly(104)));
        Assert.Empty(FigureChecks.Check(Share, Figure.Share(25, 25, 100)));
    }

    [Fact]
    public void ALevelCountWithoutItsTotal_IsCheckedAgainstTheOrganisationsThereAre()
    {
        var package = IndicatorCatalogue.Get(IndicatorCatalogue.DocPackage);

        Assert.Contains(QualityIssueKind.PercentDiffersFromCounts, FigureChecks.Check(package, Figure.LevelCount(3, 30, null, 32), total: 111));
        Assert.Empty(FigureChecks.Check(package, Figure.LevelCount(2, 72, null, 65), total: 111));
        Assert.True(FigureChecks.LevelCountsDiffer([3, 72, 30], 111));
    }
}
