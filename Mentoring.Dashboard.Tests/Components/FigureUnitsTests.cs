using Mentoring.Dashboard.Services;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Tests.Components;

/// <summary>A count published without its total keeps the unit of what it counts: persons are never «ОО».</summary>
public class FigureUnitsTests
{
    [Theory]
    [InlineData(IndicatorCatalogue.YoungTeachersMentees, 165, "165 чел.")]
    [InlineData(IndicatorCatalogue.StudentMentees, 1467, "1\u00A0467 чел.")]
    [InlineData(IndicatorCatalogue.ProgrammesCompletedTeacherTeacher, 12, "12 ед.")]
    [InlineData(IndicatorCatalogue.FormTeacherTeacher, 970, "970 ОО")]
    public void ACountWithoutItsTotal_IsShownInItsOwnUnit(string code, int count, string expected) =>
        Assert.Equal(expected, Format.Headline(IndicatorCatalogue.Get(code), new Figure(count, null, null, null)));
}
