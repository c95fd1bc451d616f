using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Presentation;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Tests.Components;

/// <summary>The one place an origin becomes a mark: each medium's form, and Russian that agrees with its numbers.</summary>
public class OriginTextTests
{
    [Theory]
    [InlineData(FigureOrigin.Published, Medium.Sentence, "100\u00A0%")]
    [InlineData(FigureOrigin.Computed, Medium.Chart, "100\u00A0%")]
    [InlineData(FigureOrigin.Computed | FigureOrigin.Generated, Medium.Sentence, "100\u00A0% (демо)")]
    [InlineData(FigureOrigin.Computed | FigureOrigin.Generated, Medium.Chart, "100\u00A0%\u00A0*")]
    [InlineData(FigureOrigin.Computed | FigureOrigin.Generated, Medium.Export, "100\u00A0% (демо)")]
    [InlineData(FigureOrigin.Partial, Medium.Web, "100\u00A0%\u00A0\u2020")]
    [InlineData(FigureOrigin.Generated | FigureOrigin.Partial | FigureOrigin.Contradicted, Medium.Sentence,
        "100\u00A0% (демо, неполный сбор, источник противоречит себе)")]
    public void AnOrigin_IsMarkedInEachMedium_ItsOwnWay(FigureOrigin origin, Medium medium, string expected) =>
        Assert.Equal(expected, OriginText.Render("100\u00A0%", origin, medium));

    [Fact]
    public void Footnotes_ExplainEachMarkOnce_InAFixedOrder()
    {
        Assert.Equal([OriginText.GeneratedFootnote, OriginText.PartialFootnote],
            OriginText.Footnotes([FigureOrigin.Partial, FigureOrigin.Generated | FigureOrigin.Computed, FigureOrigin.Generated]));
        Assert.Empty(OriginText.Footnotes([FigureOrigin.Published, FigureOrigin.Computed]));
    }

    [Theory]
    [InlineData(1, false, "улучшился")]
    [InlineData(1, true, "улучшилось")]
    [InlineData(2, false, "улучшились")]
    [InlineData(5, true, "улучшились")]
    [InlineData(11, false, "улучшились")]
    [InlineData(21, false, "улучшился")]
    public void TheVerb_AgreesWithItsNumber(int count, bool neuter, string verb) =>
        Assert.Equal(verb, DeckHeadlines.Improved(count, neuter));
}
