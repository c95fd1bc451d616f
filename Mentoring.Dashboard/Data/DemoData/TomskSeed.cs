using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>
/// Tomsk region, August 2023: the regional programme's indicators for 2020, 2021 and June 2023, and the coverage of
/// forms among schools and supplementary organisations at two points in time. The seed says the monitoring covered
/// all 20 municipalities and 5 regional state organisations but publishes only regional figures, so organisations
/// and their facts are generated to add up to them.
/// </summary>
internal static class TomskSeed
{
    private const string Source = Sources.Tomsk;

    // The 20 municipalities of Tomsk region (4 city okrugs, 16 districts); relative size drives the generated split.
    private static readonly (string Name, MunicipalityKind Kind, double Weight)[] Municipalities =
    [
        ("Город Томск", MunicipalityKind.CityOkrug, 70), ("ЗАТО Северск", MunicipalityKind.CityOkrug, 14),
        ("Городской округ Стрежевой", MunicipalityKind.CityOkrug, 6), ("Городской округ Кедровый", MunicipalityKind.CityOkrug, 2),
        ("Александровский район", MunicipalityKind.MunicipalDistrict, 5), ("Асиновский район", MunicipalityKind.MunicipalDistrict, 12),
        ("Бакчарский район", MunicipalityKind.MunicipalDistrict, 9), ("Верхнекетский район", MunicipalityKind.MunicipalDistrict, 10),
        ("Зырянский район", MunicipalityKind.MunicipalDistrict, 8), ("Каргасокский район", MunicipalityKind.MunicipalDistrict, 14),
        ("Кожевниковский район", MunicipalityKind.MunicipalDistrict, 11), ("Колпашевский район", MunicipalityKind.MunicipalDistrict, 13),
        ("Кривошеинский район", MunicipalityKind.MunicipalDistrict, 8), ("Молчановский район", MunicipalityKind.MunicipalDistrict, 7),
        ("Парабельский район", MunicipalityKind.MunicipalDistrict, 8), ("Первомайский район", MunicipalityKind.MunicipalDistrict, 11),
        ("Тегульдетский район", MunicipalityKind.MunicipalDistrict, 5), ("Томский район", MunicipalityKind.MunicipalDistrict, 34),
        ("Чаинский район", MunicipalityKind.MunicipalDistrict, 7), ("Шегарский район", MunicipalityKind.MunicipalDistrict, 9),
    ];

    // Coverage of forms: (form, schools earlier, schools June 2023, УДО earlier, УДО June 2023) out of 289/292 and 62/63.
    private static readonly (string Form, int SchoolsBefore, decimal SchoolsBeforePct, int SchoolsNow, decimal SchoolsNowPct,
        int SuppBefore, decimal SuppBeforePct, int SuppNow, decimal SuppNowPct)[] Coverage =
    [
        (FormStudentStudent, 184, 63.66m, 207, 70.8m, 24, 38.70m, 38, 60.3m),
        (FormTeacherStudent, 219, 75.77m, 236, 80.8m, 36, 58.06m, 45, 71.4m),
        (FormUniversityStudent, 54, 18.68m, 109, 37.3m, 9, 14.51m, 13, 20.6m),
        (FormEmployerStudent, 105, 36.33m, 148, 50.7m, 10, 16.12m, 16, 25.4m),
    ];

    public static void Build(DemoDataBuilder b)
    {
        var region = b.Region("tomsk", "Томская область", Source);
        var y2020 = b.Campaign(region, "Показатели региональной программы: итоги 2020 года", new DateOnly(2020, 12, 31), Source);
        var y2021 = b.Campaign(region, "Показатели региональной программы: итоги 2021 года", new DateOnly(2021, 12, 31), Source);
        var june2023 = b.Campaign(region, "Плановый мониторинг муниципальных программ наставничества (июнь 2023)", new DateOnly(2023, 6, 1), Source);

        (string Indicator, Figure Y2020, Figure Y2021, Figure Y2023)[] programme =
        [
            (ProgrammeStudents511, Figure.PercentOnly(25.25m), Figure.PercentOnly(29.05m), Figure.PercentOnly(51.56m)),
            (ProgrammeStudentsSupplementary, Figure.PercentOnly(17.2m), Figure.PercentOnly(26.3m), Figure.PercentOnly(38.44m)),
            (ProgrammeEnterprises, Figure.Count(92), Figure.Count(121), Figure.Count(208)),
            (ProgrammeProjectStudents, Figure.Count(12_927), Figure.Count(22_670), Figure.Count(38_418)),
            (ProgrammeCareerGuidance, Figure.Count(44_290), Figure.Count(58_257), Figure.Count(69_731)),
            (ProgrammeEnterpriseMentors, Figure.Count(179), Figure.Count(350), Figure.Count(820)),
            (ProgrammeStudentMentors, Figure.Count(184), Figure.Count(484), Figure.Count(698)),
        ];
        // Plan values of the regional programme (2020–2024) and the targets "к 1 января 2024 г." (end of 2023).
        (int, decimal)[] sharePlan = [(2020, 10), (2021, 20), (2022, 35), (2023, 50), (2024, 70)];
        b.Plan(region, ProgrammeStudents511, null, Source + ": плановые показатели программы", sharePlan);
        b.Plan(region, ProgrammeStudentsSupplementary, null, Source + ": плановые показатели программы", sharePlan);
        b.Plan(region, ProgrammeEnterprises, null, Source + ": плановые показатели программы", [(2020, 2), (2021, 5), (2022, 15), (2023, 20), (2024, 30)]);
        const string targets2024 = Source + ": «стремиться к 1 января 2024 г. обеспечить»";
        b.Plan(region, FormTeacherStudent, null, targets2024, new DateOnly(2024, 1, 1), [(2023, 90)]);
        b.Plan(region, FormStudentStudent, null, targets2024, new DateOnly(2024, 1, 1), [(2023, 90)]);
        b.Plan(region, FormUniversityStudent, null, targets2024, new DateOnly(2024, 1, 1), [(2023, 60)]);
        b.Plan(region, FormEmployerStudent, null, targets2024, new DateOnly(2024, 1, 1), [(2023, 60)]);

        foreach (var (indicator, a, c, d) in programme)
        {
            b.AtRegion(y2020, indicator, a, Source);
            b.AtRegion(y2021, indicator, c, Source);
            b.AtRegion(june2023, indicator, d, Source);
        }

        // Organisations: 292 schools and 63 УДО in June 2023; the earlier point counted 289 and 62 (the last ones
        // generated did not report then). The 5 regional state organisations are counted among the schools.
        var municipalities = Municipalities.Select(m => b.Municipality(region, m.Name, m.Kind)).ToList();
        var stateGroup = b.Municipality(region, "Областные государственные образовательные организации", MunicipalityKind.RegionalStateGroup);
        var weights = Municipalities.Select(m => m.Weight).ToList();
        var schoolsPer = Apportion.Split(292 - 5, weights);
        var supplementaryPer = Apportion.Split(63, weights);
        var schools = new List<Organisation>();
        var supplementary = new List<Organisation>();
        for (var i = 0; i < municipalities.Count; i++)
        {
            schools.AddRange(b.SyntheticOrganisations(municipalities[i], OrganisationKind.School, schoolsPer[i]));
            supplementary.AddRange(b.SyntheticOrganisations(municipalities[i], OrganisationKind.Supplementary, supplementaryPer[i]));
        }
        schools.AddRange(b.SyntheticOrganisations(stateGroup, OrganisationKind.School, 5));
        // Keep a stable order in which the "new" organisations of June 2023 come last.
        var random = new Random(2023_08);
        schools = schools.OrderBy(_ => random.Next()).ToList();
        supplementary = supplementary.OrderBy(_ => random.Next()).ToList();

        foreach (var c in Coverage)
        {
            var earlierNote = Source + "; первое значение пары (дата замера в источнике не указана)";
            b.AtRegion(y2021, c.Form, Figure.Share(c.SchoolsBefore, 289, c.SchoolsBeforePct), earlierNote, OrganisationKind.School);
            b.AtRegion(y2021, c.Form, Figure.Share(c.SuppBefore, 62, c.SuppBeforePct), earlierNote, OrganisationKind.Supplementary);
            b.AtRegion(june2023, c.Form, Figure.Share(c.SchoolsNow, 292, c.SchoolsNowPct), Source, OrganisationKind.School);
            b.AtRegion(june2023, c.Form, Figure.Share(c.SuppNow, 63, c.SuppNowPct), Source, OrganisationKind.Supplementary);

            // Nested choice: an organisation running a form at the earlier point still runs it in June 2023.
            GrowingFacts(b, y2021, june2023, c.Form, schools, 289, c.SchoolsBefore, c.SchoolsNow, random);
            GrowingFacts(b, y2021, june2023, c.Form, supplementary, 62, c.SuppBefore, c.SuppNow, random);
        }
    }

    private static void GrowingFacts(DemoDataBuilder b, Campaign before, Campaign now, string form,
        List<Organisation> organisations, int reportingBefore, int countBefore, int countNow, Random random)
    {
        var earlier = organisations.Take(reportingBefore).ToList();
        var chosenBefore = Apportion.Pick(countBefore, earlier.Count, random);
        var rest = Enumerable.Range(0, organisations.Count).Where(i => !chosenBefore.Contains(i)).ToList();
        var added = Apportion.Pick(countNow - countBefore, rest.Count, random).Select(k => rest[k]);
        var chosenNow = chosenBefore.Concat(added).ToHashSet();
        for (var i = 0; i < organisations.Count; i++)
        {
            if (i < reportingBefore)
                b.AtOrganisation(before, form, organisations[i], Figure.Fact(chosenBefore.Contains(i)), DemoDataBuilder.GeneratorSource, isSynthetic: true);
            b.AtOrganisation(now, form, organisations[i], Figure.Fact(chosenNow.Contains(i)), DemoDataBuilder.GeneratorSource, isSynthetic: true);
        }
    }
}
