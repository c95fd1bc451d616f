using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>Krasnodar krai: the per-municipality table of organisations implementing each model and the training table.</summary>
internal static class KrasnodarSeed
{
    private const string Source = Sources.Krasnodar;

    // "Реализация целевой модели наставничества в Краснодарском крае": name; «учитель-учитель» schools, УДО;
    // «учитель-ученик» schools, УДО; «ученик-ученик» schools, УДО; schools «работодатель-ученик»; schools «студент-ученик».
    private static readonly (string Name, int[] Forms)[] FormsTable =
    [
        ("город-курорт Анапа", [24, 1, 13, 0, 11, 0, 1, 3]),
        ("город Армавир", [30, 3, 30, 2, 18, 0, 3, 5]),
        ("город-курорт Геленджик", [16, 3, 16, 3, 16, 1, 7, 8]),
        ("город Горячий Ключ", [11, 0, 8, 0, 4, 0, 0, 1]),
        ("город Краснодар", [76, 15, 29, 8, 20, 6, 5, 7]),
        ("город Новороссийск", [33, 6, 33, 10, 33, 10, 9, 8]),
        ("город Сочи", [70, 4, 28, 22, 3, 0, 0, 0]),
        ("Абинский район", [12, 3, 24, 3, 24, 3, 4, 4]),
        ("Апшеронский район", [23, 6, 25, 6, 3, 2, 3, 3]),
        ("Белоглинский район", [8, 1, 0, 0, 12, 0, 0, 0]),
        ("Белореченский район", [16, 2, 15, 2, 8, 2, 1, 1]),
        ("Брюховецкий район", [7, 1, 4, 0, 2, 0, 2, 2]),
        ("Выселковский район", [19, 1, 21, 1, 4, 0, 0, 0]),
        ("Гулькевичский район", [23, 3, 23, 3, 8, 3, 0, 0]),
        ("Динской район", [25, 6, 19, 6, 19, 2, 6, 8]),
        ("Ейский район", [18, 0, 18, 0, 11, 0, 0, 0]),
        ("Кавказский район", [25, 0, 14, 0, 0, 0, 0, 0]),
        ("Калининский район", [13, 3, 13, 1, 13, 0, 0, 0]),
        ("Каневской район", [24, 0, 16, 0, 5, 0, 0, 0]),
        ("Кореновский район", [19, 1, 22, 0, 19, 1, 1, 1]),
        ("Красноармейский район", [25, 5, 25, 5, 15, 1, 1, 1]),
        ("Крыловский район", [10, 0, 4, 0, 0, 0, 0, 0]),
        ("Крымский район", [34, 2, 34, 4, 9, 1, 1, 1]),
        ("Курганинский район", [21, 2, 21, 2, 19, 2, 0, 0]),
        ("Кущёвский район", [12, 0, 20, 0, 4, 0, 0, 0]),
        ("Лабинский район", [29, 1, 0, 0, 0, 1, 0, 0]),
        ("Ленинградский район", [21, 4, 21, 4, 21, 2, 21, 7]),
        ("Мостовский район", [21, 3, 24, 0, 10, 0, 3, 2]),
        ("Новокубанский район", [18, 1, 1, 0, 5, 1, 0, 0]),
        ("Новопокровский район", [8, 0, 9, 2, 4, 0, 0, 0]),
        ("Отрадненский район", [12, 0, 9, 0, 1, 0, 0, 0]),
        ("Павловский район", [21, 2, 21, 0, 8, 0, 0, 0]),
        ("Приморско-Ахтарский район", [18, 0, 18, 0, 18, 0, 0, 2]),
        ("Северский район", [26, 3, 30, 3, 6, 3, 0, 1]),
        ("Славянский район", [36, 7, 9, 4, 1, 0, 2, 4]),
        ("Староминский район", [9, 1, 9, 0, 0, 0, 0, 0]),
        ("Тбилисский район", [11, 1, 14, 0, 14, 1, 1, 3]),
        ("Темрюкский район", [20, 3, 15, 1, 3, 3, 0, 1]),
        ("Тимашевский район", [19, 4, 13, 2, 10, 2, 0, 0]),
        ("Тихорецкий район", [22, 6, 23, 3, 18, 2, 1, 3]),
        ("Туапсинский район", [29, 4, 25, 3, 16, 1, 0, 0]),
        ("Успенский район", [16, 0, 16, 0, 0, 0, 0, 0]),
        ("Усть-Лабинский район", [28, 0, 30, 0, 12, 0, 2, 0]),
        ("Щербиновский район", [12, 2, 11, 0, 6, 0, 0, 2]),
    ];

    /// <summary>The published "ИТОГО" row of the table above.</summary>
    public static readonly int[] PublishedTotals = [970, 110, 773, 100, 433, 50, 74, 78];

    // "Информация о прохождении педагогическими работниками ОО курсов … в 2020-2021 годах": teachers, trained, % (as printed).
    private static readonly (int Teachers, int Trained, decimal Percent)[] TrainingTable =
    [
        (1288, 1, 0.1m), (974, 16, 1.6m), (755, 28, 3.7m), (395, 10, 2.5m), (6997, 72, 1.0m), (1778, 17, 1.0m),
        (3193, 46, 1.4m), (656, 18, 2.7m), (612, 3, 0.5m), (224, 8, 3.6m), (844, 7, 0.8m), (426, 2, 0.5m),
        (429, 13, 3.0m), (654, 12, 1.8m), (1228, 23, 1.9m), (714, 5, 0.7m), (713, 12, 1.7m), (348, 11, 3.2m),
        (748, 11, 1.5m), (579, 17, 2.9m), (733, 14, 1.9m), (243, 9, 3.7m), (859, 45, 5.2m), (663, 6, 0.9m),
        (495, 17, 3.4m), (681, 5, 0.7m), (523, 9, 1.7m), (548, 10, 1.8m), (679, 6, 0.9m), (310, 26, 8.4m),
        (497, 1, 0.2m), (531, 2, 0.4m), (339, 4, 1.2m), (868, 20, 2.3m), (942, 21, 2.2m), (322, 3, 0.9m),
        (347, 28, 8.1m), (782, 9, 1.2m), (641, 20, 3.1m), (718, 6, 0.8m), (827, 7, 0.8m), (335, 1, 0.3m),
        (757, 3, 0.4m), (269, 5, 1.9m),
    ];

    // The per-school collection form for Anapa lists its 32 schools by name.
    private static readonly string[] AnapaSchools =
    [
        "МАОУ «КШ»", "МАОУ СОШ № 15 им. Г.А. Чёрного", "МАОУ СОШ № 3 им. А. Шембелиди", "МАОУ СОШ № 6 им. Д.С. Калинина",
        "МБОУ В(С)ОШ № 30 им. А.А. Туркина", "МБОУ гимназия «Аврора» им. И.И. Ладутько", "МБОУ гимназия «Эврика» им. В.А. Сухомлинского",
        "МБОУ НОШ № 26 им. В. Новицкого", "МБОУ ООШ № 10 им. В.И. Фадеева", "МБОУ ООШ № 17 им. А.И. Покрышкина",
        "МБОУ ООШ № 20 им. Г.С. Константинова", "МБОУ ООШ № 21 им. В.Е. Омелькова", "МБОУ ООШ № 23 им. А.И. Гераськина",
        "МБОУ ООШ № 24 им. А.С. Паша", "МБОУ ООШ № 25 им. В.А. Тарасевича", "МБОУ ООШ № 31 им. В. Кривоноса",
        "МБОУ СОШ № 1 им. Н.М. Самбутова", "МБОУ СОШ № 11 им. С.М. Жолоба", "МБОУ СОШ № 12 им. А. Каширина",
        "МБОУ СОШ № 14 им. С.С. Аракеляна", "МБОУ СОШ № 16 им. И.В. Гудовича", "МБОУ СОШ № 18 им. И.А. Мироненко",
        "МБОУ СОШ № 19 им. В.О. Карлова", "МБОУ СОШ № 2 им. В. Каширина", "МБОУ СОШ № 4 им. В.М. Евскина",
        "МБОУ СОШ № 5 им. К. Соловьяновой", "МБОУ СОШ № 7 им. Л.И. Севрюкова", "МБОУ СОШ № 8 им. В.И. Хряева",
        "МБОУ СОШ № 9 им. А.Я. Ломакина", "ГБОУ школа № 13 г.-к. Анапа", "ГКОУ школа-интернат № 28 п. Суворов-Черкесский",
        "ГКОУ школа № 27 г.-к. Анапа",
    ];

    private static readonly string[] SchoolForms = [FormTeacherTeacher, FormTeacherStudent, FormStudentStudent];

    public static void Build(DemoDataBuilder b)
    {
        var region = b.Region("krasnodar", "Краснодарский край", Source);
        var campaign = b.Campaign(region, "Реализация ЦМН: данные к Августовскому совещанию 2022", new DateOnly(2022, 8, 1), Source);
        var random = new Random(2022_23);

        for (var m = 0; m < FormsTable.Length; m++)
        {
            var (name, f) = FormsTable[m];
            var kind = name.StartsWith("город", StringComparison.Ordinal) ? MunicipalityKind.CityOkrug : MunicipalityKind.MunicipalDistrict;
            var municipality = b.Municipality(region, name, kind);

            // Published municipal figures, as printed.
            for (var i = 0; i < SchoolForms.Length; i++)
            {
                b.AtMunicipality(campaign, SchoolForms[i], municipality, Figure.CountOf(f[2 * i]), Source, OrganisationKind.School);
                b.AtMunicipality(campaign, SchoolForms[i], municipality, Figure.CountOf(f[2 * i + 1]), Source, OrganisationKind.Supplementary);
            }
            b.AtMunicipality(campaign, FormEmployerStudent, municipality, Figure.CountOf(f[6]), Source, OrganisationKind.School);
            b.AtMunicipality(campaign, FormUniversityStudent, municipality, Figure.CountOf(f[7]), Source, OrganisationKind.School);
            var (teachers, trained, percent) = TrainingTable[m];
            b.AtMunicipality(campaign, TeachersTrained, municipality, Figure.Share(trained, teachers, percent), Source);

            // Organisations: the seed gives only counts of implementing ones, so the demo adds ~10 % that implement
            // nothing more; Anapa keeps its 32 named schools.
            var schoolCounts = new[] { f[0], f[2], f[4], f[6], f[7] };
            var supplementaryCounts = new[] { f[1], f[3], f[5] };
            var schools = name == "город-курорт Анапа"
                ? AnapaSchools.Select(s => b.Organisation(municipality, s, OrganisationKind.School, isSynthetic: false)).ToList()
                : b.SyntheticOrganisations(municipality, OrganisationKind.School, WithMargin(schoolCounts.Max()));
            var supplementary = b.SyntheticOrganisations(municipality, OrganisationKind.Supplementary, Math.Max(1, supplementaryCounts.Max()));

            for (var i = 0; i < SchoolForms.Length; i++)
            {
                b.SyntheticFacts(campaign, SchoolForms[i], schools, f[2 * i], random);
                b.SyntheticFacts(campaign, SchoolForms[i], supplementary, f[2 * i + 1], random);
            }
            b.SyntheticFacts(campaign, FormEmployerStudent, schools, f[6], random);
            b.SyntheticFacts(campaign, FormUniversityStudent, schools, f[7], random);
        }

        // The "ИТОГО" row and the summary slide "Модели наставничества, реализуемые в ОО Краснодарского края".
        string[] totalsOrder = [FormTeacherTeacher, FormTeacherTeacher, FormTeacherStudent, FormTeacherStudent, FormStudentStudent, FormStudentStudent, FormEmployerStudent, FormUniversityStudent];
        for (var i = 0; i < totalsOrder.Length; i++)
        {
            var kind = i is 6 or 7 || i % 2 == 0 ? OrganisationKind.School : OrganisationKind.Supplementary;
            b.AtRegion(campaign, totalsOrder[i], Figure.CountOf(PublishedTotals[i]), Source, kind);
        }
        b.AtRegion(campaign, FormTeacherTeacher, Figure.CountOf(1007), Source);
        b.AtRegion(campaign, FormTeacherStudent, Figure.CountOf(873), Source);
        b.AtRegion(campaign, FormStudentStudent, Figure.CountOf(483), Source);
        b.AtRegion(campaign, FormUniversityStudent, Figure.CountOf(78), Source);
        b.AtRegion(campaign, FormEmployerStudent, Figure.CountOf(74), Source);
        // "Планируемые результаты": 2022 — 100 % of organisations implement teacher mentoring; 2024 — at least 70 % of
        // students and teachers involved in mentoring (no Krasnodar figure measures this yet).
        b.Plan(region, FormTeacherTeacher, null, Source + ": планируемые результаты", [(2022, 100)]);
        b.Plan(region, StudentMentees, null, Source + ": планируемые результаты («не менее 70 %» обучающихся)", [(2024, 70)]);

        // "Дополнительные профессиональные программы повышения квалификации (2020-2021 гг. - 830 педагогов)".
        b.AtRegion(campaign, PeopleTrained, Figure.Count(830), Source);
    }

    private static int WithMargin(int implementing) => implementing + (int)Math.Ceiling(implementing * 0.1);
}
