using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Mentoring.Dashboard.Services.Presentation.Pptx;

/// <summary>
/// The parts every presentation needs and ours keeps minimal: a theme in the dashboard's colours and Arial (present in
/// PowerPoint, Impress and Р7), one slide master, one «title only» layout that every slide uses (each slide's title is
/// in its title placeholder, so the outline and the accessibility checker find it; everything else is placed freely).
/// </summary>
internal static class PptxMaster
{
    /// <summary>Adds the master, its layout and theme to the presentation; returns the layout for the slides.</summary>
    public static SlideLayoutPart Add(PresentationPart presentation)
    {
        var master = presentation.AddNewPart<SlideMasterPart>();
        var theme = master.AddNewPart<ThemePart>();
        theme.Theme = Theme();
        presentation.AddPart(theme);
        var layout = master.AddNewPart<SlideLayoutPart>();
        var layoutTree = EmptyTree();
        layoutTree.Append(TitlePlaceholder());
        layout.SlideLayout = new P.SlideLayout(new P.CommonSlideData(layoutTree) { Name = "Только заголовок" }, new P.ColorMapOverride(new A.MasterColorMapping()))
        {
            Type = P.SlideLayoutValues.TitleOnly,
        };
        layout.AddPart(master);
        var masterTree = EmptyTree();
        masterTree.Append(TitlePlaceholder());
        master.SlideMaster = new P.SlideMaster(
            new P.CommonSlideData(new P.Background(new P.BackgroundStyleReference(new A.SchemeColor { Val = A.SchemeColorValues.Background1 }) { Index = 1001 }), masterTree),
            ColorMap(),
            new P.SlideLayoutIdList(new P.SlideLayoutId { Id = 2_147_483_649U, RelationshipId = master.GetIdOfPart(layout) }));
        return layout;
    }

    /// <summary>The notes master every notes page follows: a page with one body placeholder, in the deck's theme.</summary>
    public static NotesMasterPart AddNotesMaster(PresentationPart presentation)
    {
        var master = presentation.AddNewPart<NotesMasterPart>();
        var theme = master.AddNewPart<ThemePart>();
        theme.Theme = Theme();
        var tree = EmptyTree();
        // The slide's picture above the notes, as PowerPoint's own notes pages (16:9, the page's width less margins).
        tree.Append(SlideImage(new P.ShapeProperties(new A.Transform2D(
            new A.Offset { X = 685_800, Y = 685_800 }, new A.Extents { Cx = 5_486_400, Cy = 3_086_100 }))));
        tree.Append(NotesBody(new P.ShapeProperties(new A.Transform2D(
            new A.Offset { X = 685_800, Y = 4_400_550 }, new A.Extents { Cx = 5_486_400, Cy = 3_600_450 }))));
        master.NotesMaster = new P.NotesMaster(
            new P.CommonSlideData(tree),
            ColorMap());
        return master;
    }

    /// <summary>A slide's speaker notes, as PowerPoint shows them under the slide and prints them on notes pages.</summary>
    public static void AddNotes(SlidePart slide, NotesMasterPart master, string notes)
    {
        var part = slide.AddNewPart<NotesSlidePart>();
        var tree = EmptyTree();
        tree.Append(SlideImage(new P.ShapeProperties()));
        tree.Append(NotesBody(new P.ShapeProperties(), notes.Split('\n').Select(line => PptxShapes.Paragraph(line, new TextStyle(20))).ToArray()));
        part.NotesSlide = new P.NotesSlide(new P.CommonSlideData(tree), new P.ColorMapOverride(new A.MasterColorMapping()));
        part.AddPart(master);
        part.AddPart(slide);
    }

    /// <summary>Where a story slide's title stands (the slide's own placeholder repeats the position and the style).</summary>
    private static P.Shape TitlePlaceholder()
    {
        var box = new Box(72, 74, 1456, 110);
        return new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = 2, Name = "Заголовок" },
                new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                new P.ApplicationNonVisualDrawingProperties(new P.PlaceholderShape { Type = P.PlaceholderValues.Title })),
            new P.ShapeProperties(new A.Transform2D(box.Offset(), box.Extents())),
            new P.TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph()));
    }

    /// <summary>The notes page's picture of its slide: PowerPoint, Impress and Р7 draw the slide into this placeholder.</summary>
    private static P.Shape SlideImage(P.ShapeProperties properties) => new(
        new P.NonVisualShapeProperties(
            new P.NonVisualDrawingProperties { Id = 3, Name = "Образ слайда" },
            new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true, NoRotation = true, NoChangeAspect = true }),
            new P.ApplicationNonVisualDrawingProperties(new P.PlaceholderShape { Type = P.PlaceholderValues.SlideImage })),
        properties);

    private static P.Shape NotesBody(P.ShapeProperties properties, params A.Paragraph[] paragraphs)
    {
        var body = new P.TextBody(new A.BodyProperties(), new A.ListStyle());
        body.Append(paragraphs.Length > 0 ? paragraphs : [new A.Paragraph()]);
        return new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = 2, Name = "Заметки" },
                new P.NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                new P.ApplicationNonVisualDrawingProperties(new P.PlaceholderShape { Type = P.PlaceholderValues.Body, Index = 1 })),
            properties,
            body);
    }

    /// <summary>The theme's colours under their usual names: background 1 is light 1, text 1 is dark 1, and so on.</summary>
    private static P.ColorMap ColorMap() => new()
    {
        Background1 = A.ColorSchemeIndexValues.Light1, Text1 = A.ColorSchemeIndexValues.Dark1,
        Background2 = A.ColorSchemeIndexValues.Light2, Text2 = A.ColorSchemeIndexValues.Dark2,
        Accent1 = A.ColorSchemeIndexValues.Accent1, Accent2 = A.ColorSchemeIndexValues.Accent2, Accent3 = A.ColorSchemeIndexValues.Accent3,
        Accent4 = A.ColorSchemeIndexValues.Accent4, Accent5 = A.ColorSchemeIndexValues.Accent5, Accent6 = A.ColorSchemeIndexValues.Accent6,
        Hyperlink = A.ColorSchemeIndexValues.Hyperlink, FollowedHyperlink = A.ColorSchemeIndexValues.FollowedHyperlink,
    };

    /// <summary>A shape tree with nothing in it yet: its group's own properties, which every tree must start with.</summary>
    public static P.ShapeTree EmptyTree() => new(
        new P.NonVisualGroupShapeProperties(
            new P.NonVisualDrawingProperties { Id = 1, Name = "" },
            new P.NonVisualGroupShapeDrawingProperties(),
            new P.ApplicationNonVisualDrawingProperties()),
        new P.GroupShapeProperties(new A.TransformGroup()));

    private static A.Theme Theme()
    {
        static A.SolidFill Placeholder() => new(new A.SchemeColor { Val = A.SchemeColorValues.PhColor });
        static T Fonts<T>(T fonts) where T : DocumentFormat.OpenXml.OpenXmlCompositeElement
        {
            fonts.Append(new A.LatinFont { Typeface = "Arial" }, new A.EastAsianFont { Typeface = "" }, new A.ComplexScriptFont { Typeface = "" });
            return fonts;
        }
        return new A.Theme(
            new A.ThemeElements(
                new A.ColorScheme(
                    new A.Dark1Color(new A.RgbColorModelHex { Val = PptxShapes.Ink }),
                    new A.Light1Color(new A.RgbColorModelHex { Val = "FFFFFF" }),
                    new A.Dark2Color(new A.RgbColorModelHex { Val = PptxShapes.Brand }),
                    new A.Light2Color(new A.RgbColorModelHex { Val = "EEF2F7" }),
                    new A.Accent1Color(new A.RgbColorModelHex { Val = PptxShapes.Brand }),
                    new A.Accent2Color(new A.RgbColorModelHex { Val = PptxShapes.BrandLight }),
                    new A.Accent3Color(new A.RgbColorModelHex { Val = PptxShapes.Accent }),
                    new A.Accent4Color(new A.RgbColorModelHex { Val = "7A8A9E" }),
                    new A.Accent5Color(new A.RgbColorModelHex { Val = "2E7D32" }),
                    new A.Accent6Color(new A.RgbColorModelHex { Val = "B3261E" }),
                    new A.Hyperlink(new A.RgbColorModelHex { Val = "0563C1" }),
                    new A.FollowedHyperlinkColor(new A.RgbColorModelHex { Val = "954F72" }))
                { Name = "Мониторинг наставничества" },
                new A.FontScheme(Fonts(new A.MajorFont()), Fonts(new A.MinorFont())) { Name = "Мониторинг наставничества" },
                new A.FormatScheme(
                    new A.FillStyleList(Placeholder(), Placeholder(), Placeholder()),
                    new A.LineStyleList(
                        new A.Outline(Placeholder()) { Width = 9_525 },
                        new A.Outline(Placeholder()) { Width = 19_050 },
                        new A.Outline(Placeholder()) { Width = 28_575 }),
                    new A.EffectStyleList(new A.EffectStyle(new A.EffectList()), new A.EffectStyle(new A.EffectList()), new A.EffectStyle(new A.EffectList())),
                    new A.BackgroundFillStyleList(Placeholder(), Placeholder(), Placeholder()))
                { Name = "Мониторинг наставничества" }),
            new A.ObjectDefaults(),
            new A.ExtraColorSchemeList())
        { Name = "Мониторинг наставничества" };
    }
}
