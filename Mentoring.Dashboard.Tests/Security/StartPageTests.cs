using Mentoring.Dashboard.Security;

namespace Mentoring.Dashboard.Tests.Security;

public class StartPageTests
{
    [Theory]
    [InlineData(Roles.Administrator, null, null, null, "/", "Регионы")]
    [InlineData(Roles.RegionalOfficial, 3, null, null, "/regions/3", "Мой регион")]
    [InlineData(Roles.Presenter, 3, null, null, "/regions/3", "Мой регион")]
    [InlineData(Roles.Presenter, 3, 17, null, "/municipalities/17", "Мой муниципалитет")]
    [InlineData(Roles.MunicipalHead, 3, 17, null, "/municipalities/17", "Мой муниципалитет")]
    [InlineData(Roles.Curator, 3, 17, 250, "/organisations/250", "Моя организация")]
    [InlineData(Roles.Curator, 3, 17, null, "/", "Регионы")] // a curator not yet bound to a school
    public void EachRole_StartsOnItsOwnTerritory(string role, int? region, int? municipality, int? organisation, string href, string title) =>
        Assert.Equal(new StartPage(href, title), StartPage.For(new UserScope(role, region, municipality, organisation)));
}
