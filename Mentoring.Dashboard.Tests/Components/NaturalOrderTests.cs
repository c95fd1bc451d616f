using Mentoring.Dashboard.Services;

namespace Mentoring.Dashboard.Tests.Components;

public class NaturalOrderTests
{
    [Fact]
    public void Names_AreOrderedAsPeopleReadThem_NumbersByValue_TextInRussianOrder_CaseIgnored()
    {
        string[] names = ["СШ № 135", "Школа № 10 (демо)", "СШ № 32", "школа № 2 (демо)", "Абинский район", "Ёлкинский МО", "Яйский МО", "СШ", "12", "0012а", "9"];

        Assert.Equal(["9", "12", "0012а", "Абинский район", "Ёлкинский МО", "СШ", "СШ № 32", "СШ № 135", "школа № 2 (демо)", "Школа № 10 (демо)", "Яйский МО"],
            names.Order(NaturalOrder.Instance));
        Assert.Equal(0, NaturalOrder.Instance.Compare("СШ № 5", "сш № 5"));
        Assert.True(NaturalOrder.Instance.Compare(null, "а") < 0);
    }
}
