namespace Mentoring.Dashboard.Services.Presentation.Pptx;

/// <summary>A run of text in a slide's type: size in the page's pixels (0.6 pt each), bold, colour.</summary>
public sealed record TextStyle(int Pixels, bool Bold = false, string Colour = PptxShapes.Ink)
{
    public int Hundredths => Pixels * 60;
}
