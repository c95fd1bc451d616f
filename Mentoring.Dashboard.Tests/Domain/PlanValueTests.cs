using Mentoring.Domain.Indicators;
using Mentoring.Domain.Planning;

namespace Mentoring.Dashboard.Tests.Domain;

public class PlanValueTests
{
    [Theory]
    [InlineData(IndicatorCatalogue.ProgrammeEnterprises, 2024, 30, "")]
    [InlineData(IndicatorCatalogue.ProgrammeEnterprises, 2024, 10_000_000, "")]
    [InlineData(IndicatorCatalogue.ProgrammeEnterprises, 2024, 79_228_162_514, "Плановое количество не может быть больше 10\u00A0000\u00A0000.")]
    [InlineData(IndicatorCatalogue.ProgrammeEnterprises, 2024, 2.5, "Плановое количество должно быть целым неотрицательным числом.")]
    [InlineData(IndicatorCatalogue.ProgrammeStudents511, 2024, 100.5, "Плановое значение доли должно быть от 0 до 100 %.")]
    [InlineData(IndicatorCatalogue.ProgrammeStudents511, 2031, 50, "Год должен быть от 2018 до 2030.")]
    public void PlanValues_HaveSaneBounds_AndARussianMessage(string code, int year, double target, string message) =>
        Assert.Equal(message, string.Join(" ", PlanValue.Validate(IndicatorCatalogue.Get(code), year, (decimal)target)));
}
