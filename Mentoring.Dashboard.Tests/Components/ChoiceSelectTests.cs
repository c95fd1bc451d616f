using Bunit;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Tests.Infrastructure;
using MudBlazor;

namespace Mentoring.Dashboard.Tests.Components;

/// <summary>
/// A live change re-renders every open page with freshly built option lists: the drop-down renders again only when
/// what it shows has changed, and a choice still reaches the page's latest handler.
/// </summary>
public class ChoiceSelectTests : DashboardTestContext
{
    private static List<ChoiceSelect<string>.Option> Indicators(string secondText = "«Учитель-ученик»") =>
        [new("tch_tch", "«Учитель-учитель»"), new("tch_student", secondText)];

    [Fact]
    public void TheSameOptionsBuiltAgain_DoNotRenderTheSelectAgain()
    {
        var choice = Render<ChoiceSelect<string>>(p => p.Add(c => c.Label, "Показатель").Add(c => c.Options, Indicators()).Add(c => c.Value, "tch_student"));
        var select = choice.FindComponent<MudSelect<string>>();
        var renders = select.RenderCount;

        choice.Render(p => p.Add(c => c.Label, "Показатель").Add(c => c.Options, Indicators()).Add(c => c.Value, "tch_student"));

        Assert.Equal(renders, select.RenderCount);
    }

    [Theory]
    [InlineData("tch_tch", "«Учитель-ученик»", "«Учитель-учитель»")] // another choice
    [InlineData("tch_student", "«Учитель-ученик» (ОУ)", "«Учитель-ученик» (ОУ)")] // the chosen option renamed
    public void AChangeOfWhatItShows_IsShown(string value, string secondText, string shown)
    {
        var choice = Render<ChoiceSelect<string>>(p => p.Add(c => c.Label, "Показатель").Add(c => c.Options, Indicators()).Add(c => c.Value, "tch_student"));
        var select = choice.FindComponent<MudSelect<string>>();
        var renders = select.RenderCount;

        choice.Render(p => p.Add(c => c.Label, "Показатель").Add(c => c.Options, Indicators(secondText)).Add(c => c.Value, value));

        Assert.True(select.RenderCount > renders);
        Assert.Equal(shown, choice.Find("input").GetAttribute("value"));
    }

    [Fact]
    public async Task AChoiceAfterASkippedRender_ReachesThePagesLatestHandler()
    {
        var heard = new List<string>();
        var choice = Render<ChoiceSelect<string>>(p => p.Add(c => c.Label, "Показатель").Add(c => c.Options, Indicators())
            .Add(c => c.ValueChanged, v => heard.Add("first " + v)));
        choice.Render(p => p.Add(c => c.Label, "Показатель").Add(c => c.Options, Indicators())
            .Add(c => c.ValueChanged, v => heard.Add("latest " + v)));

        var select = choice.FindComponent<MudSelect<string>>();
        await choice.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("tch_tch"));

        Assert.Equal(["latest tch_tch"], heard);
    }
}
