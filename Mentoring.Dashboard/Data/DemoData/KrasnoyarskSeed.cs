using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>
/// Krasnoyarsk city, monitoring of May 2023: 111 schools and 16 supplementary organisations. The report names the
/// organisations that lack each document and those that run each form; those facts are exact. Staff figures are
/// published only as totals and are split over organisations by the generator.
/// </summary>
internal static class KrasnoyarskSeed
{
    private const string Source = Sources.Krasnoyarsk;
    private const string Generated = DemoDataBuilder.GeneratorSource;

    private static readonly int[] NamedSchoolNumbers =
        [4, 5, 6, 10, 13, 21, 23, 24, 27, 31, 32, 39, 42, 45, 46, 50, 53, 55, 56, 62, 65, 66, 72, 81, 89, 93, 94, 95,
         115, 129, 134, 135, 137, 147, 148, 151, 154, 157, 158];

    private static readonly string[] OtherNamedSchools =
        ["Гимназия № 7", "Гимназия № 10", "Гимназия № 14", "Гимназия № 15", "Гимназия № 16", "Лицей № 1", "Лицей № 6", "Лицей № 9", "Лицей № 28", "Ш-И № 1"];

    private const string SelfDetermination = "ДО ДДЮ «Школа самоопределения»";
    private const string Spectrum = "ДО ЦДО «Спектр»";
    private const string CareerCentre = "ДО «Центр профессионального самоопределения»";
    private const string Ctrigo = "ДО ЦТРиГО";
    private const string Dooc = "ДО ДООЦ № 1";

    // Table 1: schools and УДО with each document, the percentages printed beside them, and the organisations named as
    // lacking it ("… – отсутствует").
    private static readonly (string Indicator, int Schools, int SchoolsPct, int Supplementary, int SupplementaryPct, string[] Missing)[] Documents =
    [
        (DocSiteSection, 110, 99, 16, 100, ["СШ № 50"]),
        (DocRegulation, 110, 99, 15, 94, ["СШ № 50", SelfDetermination]),
        (DocProgramme, 108, 97, 14, 88, ["СШ № 32", "СШ № 50", "СШ № 157", SelfDetermination, Spectrum]),
        (DocOrderPairs, 102, 92, 15, 94, ["Гимназия № 10", "СШ № 32", "СШ № 42", "СШ № 50", "СШ № 56", "СШ № 62", "СШ № 89", "СШ № 95", "СШ № 135", Spectrum]),
        (DocOrderImplementation, 109, 98, 16, 100, ["СШ № 10", "СШ № 50"]),
        (DocOrderCurator, 108, 97, 15, 94, ["Гимназия № 16", "СШ № 10", "СШ № 50", Spectrum]),
        (DocRoadmap, 110, 99, 16, 100, ["СШ № 50"]),
    ];

    // Table 4: the schools running each form, with the percentage printed beside them (of 111), and their names.
    private static readonly (string Indicator, int Schools, int Printed, int Supplementary, string[] Running)[] Forms =
    [
        (FormTeacherStudent, 20, 18, 0, ["Лицей № 6", "Лицей № 28", "Ш-И № 1", .. Schools(21, 23, 27, 45, 46, 53, 65, 66, 93, 94, 95, 115, 129, 134, 137, 148, 154)]),
        (FormStudentStudent, 16, 15, 0, ["Лицей № 6", "Гимназия № 15", .. Schools(4, 5, 13, 23, 24, 27, 31, 46, 53, 55, 72, 129, 148, 154)]),
        (FormEmployerTeacher, 2, 2, 0, Schools(147, 158)),
        (FormEmployerStudent, 2, 2, 0, Schools(66, 151)),
        // «в шести ОУ … что составило 5 % от всего количества ОУ».
        (FormNetwork, 6, 5, 1, ["Гимназия № 15", .. Schools(46, 129, 151, 157, 158), CareerCentre]),
    ];

    // "Групповое наставничество": СШ №№ 6, 56, 93, 151, Гимназия № 7, Лицей №№ 1, 9, ДО ЦТРиГО (15 and 2 groups).
    private static readonly string[] GroupMentoringSchools = ["СШ № 6", "СШ № 56", "СШ № 93", "СШ № 151", "Гимназия № 7", "Лицей № 1", "Лицей № 9"];

    public static void Build(DemoDataBuilder b)
    {
        var region = b.Region("krasnoyarsk", "Красноярский край", Source);
        var city = b.Municipality(region, "город Красноярск", MunicipalityKind.CityOkrug);
        var random = new Random(2023_05);

        var namedSchools = NamedSchoolNumbers.Select(n => $"СШ № {n}").Concat(OtherNamedSchools).ToList();
        var schools = namedSchools.Select(n => b.Organisation(city, n, OrganisationKind.School, isSynthetic: false)).ToList();
        schools.AddRange(b.SyntheticOrganisations(city, OrganisationKind.School, 111 - schools.Count));
        string[] namedSupplementary = [SelfDetermination, Spectrum, CareerCentre, Ctrigo, Dooc];
        var supplementary = namedSupplementary.Select(n => b.Organisation(city, n, OrganisationKind.Supplementary, isSynthetic: false)).ToList();
        supplementary.AddRange(b.SyntheticOrganisations(city, OrganisationKind.Supplementary, 16 - supplementary.Count));
        var all = schools.Concat(supplementary).ToList();

        var may2023 = b.Campaign(region, "Мониторинг эффективности программ наставничества (ОУ и УДО г. Красноярска)", new DateOnly(2023, 5, 15), Source);

        foreach (var (indicator, schoolCount, schoolsPct, supplementaryCount, supplementaryPct, missing) in Documents)
        {
            b.AtMunicipality(may2023, indicator, city, Figure.Share(schoolCount, 111, schoolsPct), Source, OrganisationKind.School);
            b.AtMunicipality(may2023, indicator, city, Figure.Share(supplementaryCount, 16, supplementaryPct), Source, OrganisationKind.Supplementary);
            foreach (var o in all)
                b.AtOrganisation(may2023, indicator, o, Figure.Fact(!missing.Contains(o.Name)), Source, isSynthetic: false);
        }

        // «Учитель-учитель»: 110 of 111 schools (the one without is not named) and 15 of 16 УДО (all but «Спектр»).
        b.AtMunicipality(may2023, FormTeacherTeacher, city, Figure.Share(110, 111, 99), Source, OrganisationKind.School);
        b.AtMunicipality(may2023, FormTeacherTeacher, city, Figure.Share(15, 16, 94), Source, OrganisationKind.Supplementary);
        var schoolWithoutTeacherTeacher = schools.Where(s => s.IsSynthetic).ElementAt(random.Next(111 - namedSchools.Count));
        foreach (var o in all)
        {
            var exact = o.Kind == OrganisationKind.Supplementary;
            b.AtOrganisation(may2023, FormTeacherTeacher, o, Figure.Fact(o != schoolWithoutTeacherTeacher && o.Name != Spectrum),
                exact ? Source : Generated, isSynthetic: !exact);
        }
        foreach (var (indicator, schoolCount, printed, supplementaryCount, running) in Forms)
        {
            b.AtMunicipality(may2023, indicator, city, Figure.Share(schoolCount, 111, printed), Source, OrganisationKind.School);
            b.AtMunicipality(may2023, indicator, city, Figure.Share(supplementaryCount, 16), Source, OrganisationKind.Supplementary);
            foreach (var o in all)
                b.AtOrganisation(may2023, indicator, o, Figure.Fact(running.Contains(o.Name)), Source, isSynthetic: false);
        }

        // Document package (Table 2). In May 2023 the 12 schools "в стадии формирования" are exactly the 12 that lack a document.
        b.AtMunicipality(may2023, DocPackage, city, Figure.LevelCount(1, 99, 111, 89), Source, OrganisationKind.School);
        b.AtMunicipality(may2023, DocPackage, city, Figure.LevelCount(2, 12, 111, 11), Source, OrganisationKind.School);
        b.AtMunicipality(may2023, DocPackage, city, Figure.LevelCount(3, 0, 111), Source, OrganisationKind.School);
        var incomplete = Documents.SelectMany(d => d.Missing).ToHashSet();
        foreach (var s in schools)
            b.AtOrganisation(may2023, DocPackage, s, Figure.Level(incomplete.Contains(s.Name) ? 2 : 1), Source, isSynthetic: false);

        StaffFigures(b, may2023, city, schools, supplementary, random);
        AddEffectiveness(b, may2023, city, schools, supplementary, random);
        // What the report's text says again, and when it says the monitoring ran («Сроки проведения: 24.04.2023-15.05.2023»).
        b.Statement(SourceStatement.PrintedAgain(may2023, city, Effectiveness, OrganisationKind.Supplementary, 2, 25,
            "уровень эффективности соответствует оптимальному (51 % – ОУ, 75 % – УДО) и допустимому (49 % – ОУ, 25 % – УДО)", "Выводы, п. 8"));
        b.Statement(SourceStatement.PrintedAgain(may2023, city, FormTeacherTeacher, OrganisationKind.School, null, 100,
            "«учитель-учитель» (100 % – ОУ, 94 % – УДО)", "Выводы, п. 4"));
        b.Statement(SourceStatement.HeldOn(may2023, new DateOnly(2023, 5, 30),
            "2 этап (внешний мониторинг): 16-30.05.2023 гг.", "Организация мониторинга"));
        b.Statement(SourceStatement.HeldOn(may2023, new DateOnly(2023, 5, 30),
            "3 этап (аналитический): 16-30.05.2023 гг.", "Организация мониторинга"));

        // Table 2, October 2022 (as printed: 3 + 72 + 30 = 105, not 111).
        var october2022 = b.Campaign(region, "Мониторинг сайтов ОО: пакет документов по наставничеству", new DateOnly(2022, 10, 31), Source);
        b.AtMunicipality(october2022, DocPackage, city, Figure.LevelCount(1, 3, null, 3), Source, OrganisationKind.School);
        b.AtMunicipality(october2022, DocPackage, city, Figure.LevelCount(2, 72, null, 65), Source, OrganisationKind.School);
        b.AtMunicipality(october2022, DocPackage, city, Figure.LevelCount(3, 30, null, 32), Source, OrganisationKind.School);

        // "в 2021-2022 учебном году – 165 чел." young teachers in programmes (schools); the total of young teachers is not given.
        var year2022 = b.Campaign(region, "Итоги 2021/2022 учебного года (по справке 2023 г.)", new DateOnly(2022, 5, 31), Source);
        b.AtMunicipality(year2022, YoungTeachersMentees, city, Figure.CountOf(165), Source, OrganisationKind.School);
    }

    private static void StaffFigures(DemoDataBuilder b, Campaign campaign, Municipality city,
        List<Organisation> schools, List<Organisation> supplementary, Random random)
    {
        // Table 3: ОУ and УДО totals as published; the conclusions print the shares: «их них 80 % и 58 % соответственно».
        b.AtMunicipality(campaign, YoungTeachersMentees, city, Figure.Share(701, 878, 80), Source, OrganisationKind.School);
        b.AtMunicipality(campaign, YoungTeachersMentees, city, Figure.Share(28, 48, 58), Source, OrganisationKind.Supplementary);
        (string Indicator, int Schools, int Supplementary)[] counts =
        [
            (TeacherMentors, 734, 30), (MentoringPairs, 821, 35), (MentoringGroups, 15, 2),
            (ProgrammesApproved, 736, 35), (ProgrammesImplemented, 702, 33), (Enterprises, 9, 1),
        ];
        foreach (var (indicator, s, u) in counts)
        {
            b.AtMunicipality(campaign, indicator, city, Figure.Count(s), Source, OrganisationKind.School);
            b.AtMunicipality(campaign, indicator, city, Figure.Count(u), Source, OrganisationKind.Supplementary);
        }

        foreach (var (group, young, mentees, mentors, pairs, approved, implemented, enterprises) in new[]
                 {
                     (schools, 878, 701, 734, 821, 736, 702, 9),
                     (supplementary, 48, 28, 30, 35, 35, 33, 1),
                 })
        {
            // «Спектр» has no young teachers ("отсутствуют молодые педагоги, программа не реализуется").
            var weights = group.Select(o => o.Name == Spectrum ? 0d : 0.5 + random.NextDouble()).ToList();
            var youngParts = Apportion.Split(young, weights, group.Select(o => o.Name == Spectrum ? 0 : int.MaxValue).ToList());
            var menteeParts = Apportion.Split(mentees, youngParts.Select(y => (double)y).ToList(), youngParts);
            for (var i = 0; i < group.Count; i++)
                b.AtOrganisation(campaign, YoungTeachersMentees, group[i], Figure.Share(menteeParts[i], youngParts[i]), DemoDataBuilder.GeneratorSource, isSynthetic: true);

            var byMentees = menteeParts.Select(m => (double)m).ToList();
            b.SyntheticCounts(campaign, TeacherMentors, group, mentors, byMentees);
            b.SyntheticCounts(campaign, MentoringPairs, group, pairs, byMentees);
            var approvedParts = b.SyntheticCounts(campaign, ProgrammesApproved, group, approved, byMentees);
            b.SyntheticCounts(campaign, ProgrammesImplemented, group, implemented, approvedParts.Select(a => (double)a).ToList(), approvedParts);
            b.SyntheticCounts(campaign, Enterprises, group, enterprises, group.Select(_ => random.NextDouble()).ToList(), group.Select(_ => 1).ToList());

            // Satisfaction: "соответствует от 75 % до 95 % педагогов"; only the range is published.
            foreach (var (o, i) in group.Select((o, i) => (o, i)).Where(x => menteeParts[x.i] > 0))
            {
                var participants = menteeParts[i] * 2;
                var satisfied = (int)Math.Round(participants * (0.75 + 0.2 * random.NextDouble()));
                b.AtOrganisation(campaign, Satisfaction, o, Figure.Share(satisfied, participants), DemoDataBuilder.GeneratorSource, isSynthetic: true);
            }
        }

        // Groups: only the organisations named as practising group mentoring have them.
        var groupSchools = schools.Where(s => GroupMentoringSchools.Contains(s.Name)).ToList();
        var groupParts = Apportion.Split(15, groupSchools.Select(_ => 1d).ToList());
        foreach (var o in schools.Concat(supplementary))
        {
            var index = groupSchools.IndexOf(o);
            var groups = index >= 0 ? groupParts[index] : o.Name == Ctrigo ? 2 : 0;
            b.AtOrganisation(campaign, MentoringGroups, o, Figure.Count(groups), DemoDataBuilder.GeneratorSource, isSynthetic: true);
        }

        // Table 6: personalised programmes by form, started and completed.
        (string Indicator, int SchoolsStarted, int SchoolsDone, int SupplementaryStarted, int SupplementaryDone, decimal SchoolsPct, decimal SupplementaryPct)[] programmes =
        [
            (ProgrammesCompletedTeacherTeacher, 418, 319, 34, 33, 76, 97),
            (ProgrammesCompletedTeacherStudent, 51, 50, 1, 1, 98, 100),
            (ProgrammesCompletedStudentStudent, 153, 150, 0, 0, 98, 0),
        ];
        foreach (var (indicator, ss, sd, us, ud, sp, up) in programmes)
        {
            b.AtMunicipality(campaign, indicator, city, Figure.Share(sd, ss, sp), Source, OrganisationKind.School);
            if (us > 0)
                b.AtMunicipality(campaign, indicator, city, Figure.Share(ud, us, up), Source, OrganisationKind.Supplementary);
        }
        // The table's «Всего» row and the conclusions' «завершенных программ в ОУ – 83 %, в УДО – 97 %».
        b.AtMunicipality(campaign, ProgrammesCompleted, city, Figure.Share(519, 622, 83), Source, OrganisationKind.School);
        b.AtMunicipality(campaign, ProgrammesCompleted, city, Figure.Share(34, 35, 97), Source, OrganisationKind.Supplementary);
    }

    private static void AddEffectiveness(DemoDataBuilder b, Campaign campaign, Municipality city,
        List<Organisation> schools, List<Organisation> supplementary, Random random)
    {
        // Table 5: ОУ 56 optimal, 55 acceptable; УДО 12 and 3; «Спектр» did not take part.
        b.AtMunicipality(campaign, Effectiveness, city, Figure.LevelCount(1, 56, 111, 51), Source, OrganisationKind.School);
        b.AtMunicipality(campaign, Effectiveness, city, Figure.LevelCount(2, 55, 111, 49), Source, OrganisationKind.School);
        b.AtMunicipality(campaign, Effectiveness, city, Figure.LevelCount(3, 0, 111), Source, OrganisationKind.School);
        b.AtMunicipality(campaign, Effectiveness, city, Figure.LevelCount(1, 12, 16, 75), Source, OrganisationKind.Supplementary);
        b.AtMunicipality(campaign, Effectiveness, city, Figure.LevelCount(2, 3, 16, 19), Source, OrganisationKind.Supplementary);
        b.AtMunicipality(campaign, Effectiveness, city, Figure.LevelCount(3, 0, 16), Source, OrganisationKind.Supplementary);

        var optimalSchools = Apportion.Pick(56, schools.Count, random);
        for (var i = 0; i < schools.Count; i++)
            b.AtOrganisation(campaign, Effectiveness, schools[i], Figure.Level(optimalSchools.Contains(i) ? 1 : 2), DemoDataBuilder.GeneratorSource, isSynthetic: true);
        var rated = supplementary.Where(o => o.Name != Spectrum).ToList();
        var optimalSupplementary = Apportion.Pick(12, rated.Count, random);
        for (var i = 0; i < rated.Count; i++)
            b.AtOrganisation(campaign, Effectiveness, rated[i], Figure.Level(optimalSupplementary.Contains(i) ? 1 : 2), DemoDataBuilder.GeneratorSource, isSynthetic: true);
    }

    private static string[] Schools(params int[] numbers) => numbers.Select(n => $"СШ № {n}").ToArray();
}
