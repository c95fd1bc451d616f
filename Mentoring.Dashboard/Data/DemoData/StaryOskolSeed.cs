using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>Stary Oskol city okrug, as of 01.06.2022: 123 organisations (68 preschool, 50 general, 5 supplementary).</summary>
internal static class StaryOskolSeed
{
    private const string Source = Sources.StaryOskol;

    public static void Build(DemoDataBuilder b)
    {
        var region = b.Region("belgorod", "Белгородская область", Source);
        var okrug = b.Municipality(region, "Старооскольский городской округ", MunicipalityKind.CityOkrug);
        var campaign = b.Campaign(region, "Мониторинг внедрения системы (целевой модели) наставничества педагогических работников", new DateOnly(2022, 6, 1), Source);
        // The header says the report was considered three months before the date it reports on.
        b.Statement(SourceStatement.ApprovedOn(campaign, new DateOnly(2022, 3, 3),
            "РАССМОТРЕНА на совещании заместителей руководителей образовательных организаций, Протокол от «03» марта 2022 года №14", "шапка отчёта"));
        var random = new Random(2022_06);

        var groups = new (OrganisationKind Kind, int Count, int Regulation, decimal RegulationPct, int Roadmap, decimal RoadmapPct, int Young, int Peer, int Total)[]
        {
            (OrganisationKind.Preschool, 68, 43, 63, 39, 57, 54, 4, 58),
            (OrganisationKind.School, 50, 33, 66, 33, 66, 104, 23, 127),
            (OrganisationKind.Supplementary, 5, 2, 40, 2, 40, 3, 0, 3),
        };
        b.AtMunicipality(campaign, DocRegulation, okrug, Figure.Share(78, 123, 63), Source);
        b.AtMunicipality(campaign, DocRoadmap, okrug, Figure.Share(74, 123, 60), Source);
        b.AtMunicipality(campaign, ProgrammesYoungTeachers, okrug, Figure.Count(161), Source);
        b.AtMunicipality(campaign, ProgrammesPeer, okrug, Figure.Count(27), Source);
        // "разработано и реализовано 184 персонализированных программ" and Table 1's "Всего" column (58 + 127 + 3 = 188 as printed).
        b.AtMunicipality(campaign, ProgrammesImplemented, okrug, Figure.Count(184), Source);

        foreach (var g in groups)
        {
            b.AtMunicipality(campaign, DocRegulation, okrug, Figure.Share(g.Regulation, g.Count, g.RegulationPct), Source, g.Kind);
            b.AtMunicipality(campaign, DocRoadmap, okrug, Figure.Share(g.Roadmap, g.Count, g.RoadmapPct), Source, g.Kind);
            b.AtMunicipality(campaign, ProgrammesYoungTeachers, okrug, Figure.Count(g.Young), Source, g.Kind);
            b.AtMunicipality(campaign, ProgrammesPeer, okrug, Figure.Count(g.Peer), Source, g.Kind);
            b.AtMunicipality(campaign, ProgrammesImplemented, okrug, Figure.Count(g.Total), Source, g.Kind);

            var organisations = b.SyntheticOrganisations(okrug, g.Kind, g.Count);
            b.SyntheticFacts(campaign, DocRegulation, organisations, g.Regulation, random);
            b.SyntheticFacts(campaign, DocRoadmap, organisations, g.Roadmap, random);
            var weights = organisations.Select(_ => random.NextDouble()).ToList();
            var young = b.SyntheticCounts(campaign, ProgrammesYoungTeachers, organisations, g.Young, weights);
            var peer = b.SyntheticCounts(campaign, ProgrammesPeer, organisations, g.Peer, weights);
            for (var i = 0; i < organisations.Count; i++)
                b.AtOrganisation(campaign, ProgrammesImplemented, organisations[i], Figure.Count(young[i] + peer[i]), DemoDataBuilder.GeneratorSource, isSynthetic: true);
        }
    }
}
