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

    [Theory]
    [InlineData(207, 292, 70.8, true)] // Tomsk: 70,89 % printed «70,8 %»
    [InlineData(207, 292, 70.9, false)] // rounded
    [InlineData(55, 111, 49, true)] // Krasnoyarsk: 49,55 % printed «49 %»
    [InlineData(110, 111, 99.0, false)] // 99,1 % as 99: rounding and cutting agree; storage's 99.0 is still 99
    [InlineData(16, 111, 15, false)] // neither rounded nor cut: a different warning
    public void APercentCutOffInsteadOfRounded_IsFlaggedAsSuch(int numerator, int denominator, double printed, bool truncated)
    {
        var issues = FigureChecks.Check(Share, Figure.Share(numerator, denominator, (decimal)printed));

        Assert.Equal(truncated, issues.Contains(QualityIssueKind.PercentTruncated));
    }

    [Theory]
    [InlineData(StatementKind.ApprovedOn, "2022-03-03", "2022-06-01", true)] // Stary Oskol: considered before its own date
    [InlineData(StatementKind.ApprovedOn, "2022-06-10", "2022-06-01", false)]
    [InlineData(StatementKind.HeldOn, "2023-05-30", "2023-05-15", true)] // Krasnoyarsk: a stage after the report's date
    [InlineData(StatementKind.HeldOn, "2023-05-10", "2023-05-15", false)]
    public void ADateThatCannotBeRight_IsFound(StatementKind kind, string date, string asOf, bool impossible) =>
        Assert.Equal(impossible, StatementChecks.IsImpossibleDate(kind, DateOnly.Parse(date), DateOnly.Parse(asOf)));

    [Fact]
    public void AClaimedFall_IsContradictedByEveryRiseAndNothingElse()
    {
        ValueChange[] changes = [new(7.5m, 8m), new(7.2m, 10.1m), new(9.1m, 6.2m), new(3m, 3m)];

        var against = StatementChecks.Contradicting(ChangeDirection.Decrease, changes);

        Assert.Equal([changes[0], changes[1]], against);
    }

    [Fact]
    public void Origins_AddUpThroughAggregation_AndOnlyGeneratedPartialOrContradictedNeedAMark()
    {
        Assert.Equal(FigureOrigin.Computed | FigureOrigin.Generated, OriginRules.ComputedFrom(FigureOrigin.Published, FigureOrigin.Generated));
        Assert.Equal(FigureOrigin.Computed | FigureOrigin.Partial | FigureOrigin.Contradicted,
            OriginRules.ComputedFrom(FigureOrigin.Partial, FigureOrigin.Contradicted));
        Assert.False(FigureOrigin.Computed.NeedsMark());
        Assert.False(FigureOrigin.Published.NeedsMark());
        Assert.True((FigureOrigin.Computed | FigureOrigin.Partial).NeedsMark());
        Assert.True(FigureOrigin.Published.IsAsPrinted());
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
