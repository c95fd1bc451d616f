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

/// <summary>A published count of organisations is read against the slice's organisations in the register.</summary>
public class ShareOfRegisterTests
{
    private static readonly Indicator Forms = IndicatorCatalogue.Get(IndicatorCatalogue.FormTeacherTeacher);

    private static SliceFigure Slice(Indicator indicator, Figure published, Register? register) =>
        new(indicator, null, null, published, null, null, false) { Register = register };

    [Fact]
    public void ACountOfOrganisations_BecomesAShareOfTheRegister_WithTheDemoRegisterSaid()
    {
        var slice = Slice(Forms, Figure.CountOf(1007), new Register(1287, IsSynthetic: true));

        Assert.Equal("78,2\u00A0%", FigureText.Headline(slice));
        Assert.Equal("1\u00A0007 из 1\u00A0287 ОО (всего — демо-реестр)", FigureText.Detail(slice));
        Assert.False(slice.IsShownSynthetic); // the 1 007 is published
    }

    [Fact]
    public void ARealRegister_IsNotMarked() =>
        Assert.Equal("24 из 32 ОО", FigureText.Detail(Slice(Forms, Figure.CountOf(24), new Register(32, IsSynthetic: false))));

    [Theory]
    [InlineData(40, 32)] // more than the register holds: the register is incomplete, the count stays a count
    [InlineData(24, 0)]
    public void ACountTheRegisterCannotHold_StaysACount(int count, int organisations) =>
        Assert.Equal($"{count} ОО", FigureText.Headline(Slice(Forms, Figure.CountOf(count), new Register(organisations, false))));

    [Fact]
    public void ACountOfPeople_IsNeverReadAgainstOrganisations() =>
        Assert.Equal("165 чел.", FigureText.Headline(Slice(IndicatorCatalogue.Get(IndicatorCatalogue.YoungTeachersMentees), Figure.CountOf(165), new Register(127, false))));
}
