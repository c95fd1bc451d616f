using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Planning;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>
/// Collects the entities of the seed regions; <see cref="SaveAsync"/> writes them. Observations, by far the most rows,
/// are kept out of the change tracker and written by <see cref="ObservationInserter"/> once the territories have ids.
/// </summary>
public sealed class DemoDataBuilder(MentoringDbContext db)
{
    public List<Observation> Observations { get; } = [];

    /// <summary>Saves everything collected so far, in the caller's transaction.</summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        await db.SaveChangesAsync(ct);
        await ObservationInserter.InsertAsync(db, Observations, ct);
        Observations.Clear();
    }

    /// <summary>Source label of figures the generator produced (the UI marks them «демо»).</summary>
    public const string GeneratorSource = "Демо-генератор: распределение опубликованных итогов по организациям";

    public Region Region(string code, string name, string source)
    {
        var region = new Region(code, name, source);
        db.Regions.Add(region);
        return region;
    }

    /// <summary>A sentence, date or value of the report, kept for the rules that find where it contradicts itself.</summary>
    public void Statement(SourceStatement statement) => db.SourceStatements.Add(statement);

    public Municipality Municipality(Region region, string name, MunicipalityKind kind)
    {
        var municipality = new Municipality(region, name, kind);
        db.Municipalities.Add(municipality);
        return municipality;
    }

    public Organisation Organisation(Municipality municipality, string name, OrganisationKind kind, bool isSynthetic)
    {
        var organisation = new Organisation(municipality, name, kind, isSynthetic);
        db.Organisations.Add(organisation);
        return organisation;
    }

    /// <summary>Adds <paramref name="count"/> generated organisations named "{prefix} № k (демо)".</summary>
    public List<Organisation> SyntheticOrganisations(Municipality municipality, OrganisationKind kind, int count, int firstNumber = 1)
    {
        var prefix = kind switch
        {
            OrganisationKind.School => "Школа",
            OrganisationKind.Supplementary => "Учреждение доп. образования",
            OrganisationKind.Preschool => "Детский сад",
            _ => "Колледж",
        };
        return Enumerable.Range(firstNumber, count)
            .Select(k => Organisation(municipality, $"{prefix} № {k} (демо)", kind, isSynthetic: true))
            .ToList();
    }

    public Campaign Campaign(Region region, string title, DateOnly asOf, string source)
    {
        var campaign = new Campaign(region, title, asOf, source);
        db.Campaigns.Add(campaign);
        return campaign;
    }

    public void AtRegion(Campaign campaign, string indicator, Figure figure, string source,
        OrganisationKind? kind = null, MunicipalityGroup? group = null) =>
        Observations.Add(Observation.ForRegion(campaign, IndicatorCatalogue.Get(indicator), figure, source, kind, group));

    public void AtMunicipality(Campaign campaign, string indicator, Municipality municipality, Figure figure, string source,
        OrganisationKind? kind = null) =>
        Observations.Add(Observation.ForMunicipality(campaign, IndicatorCatalogue.Get(indicator), municipality, figure, source, kind));

    public void AtOrganisation(Campaign campaign, string indicator, Organisation organisation, Figure figure, string source,
        bool isSynthetic) =>
        Observations.Add(Observation.ForOrganisation(campaign, IndicatorCatalogue.Get(indicator), organisation, figure, source, isSynthetic));

    public void Plan(Region region, string indicator, OrganisationKind? kind, string source, params (int Year, decimal Target)[] values) =>
        Plan(region, indicator, kind, source, null, values);

    /// <param name="dueBy">The date the source gives its last target («к 1 января 2024 г.»).</param>
    public void Plan(Region region, string indicator, OrganisationKind? kind, string source, DateOnly? dueBy, params (int Year, decimal Target)[] values)
    {
        IndicatorCatalogue.Get(indicator);
        var last = values.Max(v => v.Year);
        foreach (var (year, target) in values)
            db.PlanValues.Add(new PlanValue(region, indicator, year, target, kind, source, year == last ? dueBy : null));
    }

    /// <summary>Marks exactly <paramref name="count"/> of the organisations as having a fact (a generated choice).</summary>
    public void SyntheticFacts(Campaign campaign, string indicator, IReadOnlyList<Organisation> organisations, int count, Random random)
    {
        var chosen = Apportion.Pick(count, organisations.Count, random);
        for (var i = 0; i < organisations.Count; i++)
            AtOrganisation(campaign, indicator, organisations[i], Figure.Fact(chosen.Contains(i)), GeneratorSource, isSynthetic: true);
    }

    /// <summary>Splits a published count over organisations (weights and optional caps), as generated figures.</summary>
    public int[] SyntheticCounts(Campaign campaign, string indicator, IReadOnlyList<Organisation> organisations, int total,
        IReadOnlyList<double> weights, IReadOnlyList<int>? caps = null)
    {
        var parts = Apportion.Split(total, weights, caps);
        for (var i = 0; i < organisations.Count; i++)
            AtOrganisation(campaign, indicator, organisations[i], Figure.Count(parts[i]), GeneratorSource, isSynthetic: true);
        return parts;
    }
}
