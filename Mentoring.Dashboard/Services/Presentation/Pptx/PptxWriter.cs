using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Mentoring.Dashboard.Services.Presentation.Pptx;

/// <summary>
/// A deck as a .pptx the conference organisers can edit: the same slides, figures, headlines and demo marks as the
/// page, made of text boxes, tables and native charts (never pictures of slides). 16:9, one master, one blank layout.
/// </summary>
public static class PptxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    public static byte[] Write(Deck deck)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentationPart = document.AddPresentationPart();
            var layout = PptxMaster.Add(presentationPart);
            var notesMaster = PptxMaster.AddNotesMaster(presentationPart);
            var slideIds = new P.SlideIdList();
            var visible = deck.Visible;
            for (var i = 0; i < visible.Count; i++)
            {
                var slidePart = presentationPart.AddNewPart<SlidePart>();
                slidePart.AddPart(layout);
                var shapes = new PptxShapes(slidePart);
                PptxSlides.Draw(shapes, visible[i]);
                shapes.Text(new Box(72, 852, 1300, 28), new TextStyle(18, Colour: PptxShapes.Muted), deck.Footer);
                shapes.Paragraphs(new Box(1400, 852, 128, 28),
                    PptxShapes.Paragraph((i + 1).ToString(Format.Russian), new TextStyle(18, Colour: PptxShapes.Muted),
                        new A.ParagraphProperties { Alignment = A.TextAlignmentTypeValues.Right }));
                var tree = PptxMaster.EmptyTree();
                tree.Append(shapes.All);
                slidePart.Slide = new P.Slide(new P.CommonSlideData(tree), new P.ColorMapOverride(new A.MasterColorMapping()));
                // The presenter's notes (their own, or the generated ones) go with the slide, as on the page.
                if (visible[i].Notes is { Length: > 0 } notes)
                    PptxMaster.AddNotes(slidePart, notesMaster, notes);
                slideIds.Append(new P.SlideId { Id = (uint)(256 + i), RelationshipId = presentationPart.GetIdOfPart(slidePart) });
            }
            presentationPart.Presentation = new P.Presentation(
                new P.SlideMasterIdList(new P.SlideMasterId { Id = 2_147_483_648U, RelationshipId = presentationPart.GetIdOfPart(presentationPart.SlideMasterParts.Single()) }),
                new P.NotesMasterIdList(new P.NotesMasterId { Id = presentationPart.GetIdOfPart(notesMaster) }),
                slideIds,
                new P.SlideSize { Cx = 12_192_000, Cy = 6_858_000 },
                new P.NotesSize { Cx = 6_858_000, Cy = 9_144_000 },
                new P.DefaultTextStyle());
            document.PackageProperties.Title = $"{deck.TerritoryName}: мониторинг наставничества на {Format.Date(deck.Campaign.AsOf)}";
            document.PackageProperties.Language = "ru-RU";
        }
        return stream.ToArray();
    }

    /// <summary>«Томская-область-01-06-2023.pptx».</summary>
    public static string FileName(Deck deck) =>
        new Export.ExportTable($"{deck.TerritoryName} {Format.Date(deck.Campaign.AsOf)}", [], []).FileName("pptx");
}
