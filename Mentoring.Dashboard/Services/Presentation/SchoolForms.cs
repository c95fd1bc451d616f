using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services.Presentation;

/// <summary>
/// A municipality's organisations by the forms of mentoring each implements, fewest first: the schools a municipal
/// deck names, from each organisation's own «да»/«нет» and with its origin (Anapa's are generated, Krasnoyarsk's printed).
/// </summary>
/// <param name="Origin">
/// What a count over the rows is: generated where any row is, partial where the round is incomplete (the organisations
/// that have not reported are not in it).
/// </param>
public sealed record SchoolForms(IReadOnlyList<SchoolForms.Row> Rows, FigureOrigin Origin)
{
    /// <param name="Implemented">The forms it implements, in the catalogue's order.</param>
    /// <param name="Reported">How many forms it answered for, «да» or «нет».</param>
    public sealed record Row(string Name, IReadOnlyList<Indicator> Implemented, int Reported, FigureOrigin Origin)
    {
        /// <summary>«2 из 5», marked as <paramref name="medium"/> marks its origin.</summary>
        public string Count(Medium medium) => OriginText.Render($"{Implemented.Count} из {Reported}", Origin, medium);

        /// <summary>«учитель-учитель, ученик-ученик»; «—» for none.</summary>
        public string FormsText => Implemented.Count == 0
            ? "—"
            : string.Join(", ", Implemented.Select(f => f.ShortName.Trim('«', '»').ToLower(Format.Russian)));
    }

    /// <summary>As many rows as a slide holds at 18 pt: the organisations with the fewest forms.</summary>
    public IReadOnlyList<Row> Fewest => Rows.Take(RowsOnSlide).ToList();

    private const int RowsOnSlide = 7;

    /// <summary>Organisations that implement none of the forms they answered for.</summary>
    public IReadOnlyList<Row> None => Rows.Where(r => r.Implemented.Count == 0).ToList();

    /// <summary>Organisations that implement every form they answered for.</summary>
    public IReadOnlyList<Row> Every => Rows.Where(r => r.Implemented.Count == r.Reported).ToList();

    /// <summary>The forms an organisation answers «да»/«нет» for: what <see cref="Build"/> reads of each.</summary>
    public static readonly IReadOnlyList<string> Codes = IndicatorCatalogue.All
        .Where(i => i.Group == IndicatorGroup.Forms && i.Kind == IndicatorKind.Fact).Select(i => i.Code).ToList();

    public static SchoolForms? Build(IReadOnlyList<OrganisationRow> organisations, bool roundIsIncomplete)
    {
        // An answer is a «да» or a «нет»: a figure without one (no data) is not counted either way.
        static bool Answers(OrganisationRow o, Indicator form) => o.Figures.TryGetValue(form.Code, out var f) && f.Numerator is not null;
        var forms = IndicatorCatalogue.All
            .Where(i => Codes.Contains(i.Code) && organisations.Any(o => Answers(o, i)))
            .ToList();
        var rows = organisations
            .Select(o => (Organisation: o, Answered: forms.Where(f => Answers(o, f)).ToList()))
            .Where(x => x.Answered.Count > 0)
            .Select(x => new Row(x.Organisation.Name,
                x.Answered.Where(f => x.Organisation.Figures[f.Code].Numerator > 0).ToList(),
                x.Answered.Count,
                x.Organisation.IsSynthetic || x.Answered.Any(f => x.Organisation.SyntheticCodes.Contains(f.Code)) ? FigureOrigin.Generated : FigureOrigin.Published))
            .OrderBy(r => r.Implemented.Count).ThenBy(r => r.Name, NaturalOrder.Instance)
            .ToList();
        if (rows.Count == 0)
            return null;
        var origin = OriginRules.CountOver(rows.Select(r => r.Origin)) | (roundIsIncomplete ? FigureOrigin.Partial : FigureOrigin.Published);
        return new SchoolForms(rows, origin);
    }
}
