using Bunit;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Components;

public class BreadcrumbsTests : DashboardTestContext
{
    [Fact]
    public void Path_LinksEveryLevel_AndMarksTheCurrentPage()
    {
        IReadOnlyList<Breadcrumbs.Crumb> items =
            [new("Регионы", "/"), new("Краснодарский край", "regions/3"), new("город-курорт Анапа", "municipalities/7"), new("МАОУ «КШ»")];

        var crumbs = Render<Breadcrumbs>(p => p.Add(c => c.Items, items));

        var links = crumbs.FindAll("a");
        Assert.Equal(["Регионы", "Краснодарский край", "город-курорт Анапа"], links.Select(a => a.TextContent));
        Assert.Equal("municipalities/7", links[2].GetAttribute("href"));
        var current = crumbs.Find("[aria-current=page]");
        Assert.Equal("МАОУ «КШ»", current.TextContent);
    }
}
