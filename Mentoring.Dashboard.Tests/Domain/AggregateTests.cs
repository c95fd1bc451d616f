using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Tests.Domain;

public class AggregateTests
{
    private static readonly Indicator Share = IndicatorCatalogue.Get(IndicatorCatalogue.YoungTeachersMentees);
    private static readonly Indicator FormFact = IndicatorCatalogue.Get(IndicatorCatalogue.FormStudentStudent);
    private static readonly Indicator Count = IndicatorCatalogue.Get(IndicatorCatalogue.TeacherMentors);
    private static readonly Indicator Level = IndicatorCatalogue.Get(IndicatorCatalogue.Effectiveness);

    [Fact]
    public void Aggregate_Shares_UsesSumOfNumeratorsOverSumOfDenominators_NotTheAverageOfPercentages()
    {
        // 1 of 2 (50 %) and 90 of 100 (90 %): the average of percentages would be 70 %.
        var aggregate = Aggregate.Of(Share, [Figure.Share(1, 2), Figure.Share(90, 100)]);

        Assert.Equal(91, aggregate.Figure.Numerator);
        Assert.Equal(102, aggregate.Figure.Denominator);
        Assert.Equal(89.22m, Math.Round(aggregate.Figure.Percent!.Value, 2));
    }

    [Fact]
    public void Aggregate_Facts_GivesNOfMOrganisations()
    {
        var aggregate = Aggregate.Of(FormFact, [Figure.Fact(true), Figure.Fact(false), Figure.Fact(true), Figure.Fact(false)]);

        Assert.Equal(2, aggregate.Figure.Numerator);
        Assert.Equal(4, aggregate.Figure.Denominator);
        Assert.Equal(50m, aggregate.Figure.Percent);
    }

    [Fact]
    public void Aggregate_Counts_AreSummed()
    {
        var aggregate = Aggregate.Of(Count, [Figure.Count(734), Figure.Count(30)]);

        Assert.Equal(764, aggregate.Figure.Value);
    }

    [Fact]
    public void Aggregate_Levels_CountsOrganisationsPerLevel()
    {
        var aggregate = Aggregate.Of(Level, [Figure.Level(1), Figure.Level(2), Figure.Level(1)]);

        Assert.Equal(2, aggregate.LevelCounts![1]);
        Assert.Equal(1, aggregate.LevelCounts[2]);
    }

    [Fact]
    public void Aggregate_WithoutFigures_HasNoData_RatherThanZero()
    {
        var aggregate = Aggregate.Of(Share, []);

        Assert.False(aggregate.HasData);
        Assert.Null(aggregate.Figure.Percent);
    }

    [Fact]
    public void Reconciliation_PublishedTotalDifferentFromChildren_IsAMismatch()
    {
        var children = Aggregate.Of(Count, [Figure.Count(58), Figure.Count(127), Figure.Count(3)]);

        Assert.True(new Reconciliation(Figure.Count(184), children).IsMismatch);
        Assert.False(new Reconciliation(Figure.Count(188), children).IsMismatch);
    }

    [Fact]
    public void Reconciliation_PercentOnly_ToleratesOneDecimalRounding()
    {
        var children = Aggregate.Of(Share, [Figure.Share(701, 878)]); // 79,84 %

        Assert.False(new Reconciliation(Figure.PercentOnly(79.8m), children).IsMismatch);
        Assert.True(new Reconciliation(Figure.PercentOnly(80.5m), children).IsMismatch);
    }

    [Fact]
    public void Catalogue_CodesAreUnique_AndLevelIndicatorsHaveLevels()
    {
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(i => i.Code).Distinct().Count());
        Assert.All(IndicatorCatalogue.All.Where(i => i.Kind == IndicatorKind.Level), i => Assert.NotEmpty(i.Levels!));
    }
}
