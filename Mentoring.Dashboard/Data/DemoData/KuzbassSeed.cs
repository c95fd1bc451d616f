using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>
/// Kuzbass, monitoring as of 01.12.2022 compared with 2021. The seed publishes percentages for groups of
/// municipalities (city okrugs vs municipal okrugs and districts) and a few municipal values, without the counts
/// behind them, so no organisations are generated here: a percentage cannot be split into schools honestly.
/// </summary>
internal static class KuzbassSeed
{
    private const string Source = Sources.Kuzbass;
    private const MunicipalityGroup Okrugs = MunicipalityGroup.OkrugsAndDistricts;
    private const MunicipalityGroup Cities = MunicipalityGroup.CityOkrugs;

    // Every municipality the seed names (spelling variants in the seed are merged: Таштагольский МО/МР, Тисльский).
    private static readonly string[] Districts =
    [
        "Беловский МР", "Гурьевский МО", "Ижморский МО", "Кемеровский МО", "Ленинск-Кузнецкий МО", "Мариинский МО",
        "Новокузнецкий МР", "Прокопьевский МО", "Промышленновский МО", "Таштагольский МР", "Тисульский МО", "Топкинский МО",
        "Тяжинский МО", "Чебулинский МО", "Юргинский МО", "Яйский МО", "Яшкинский МО",
    ];

    private static readonly string[] CityOkrugs =
    [
        "Беловский ГО", "Калтанский ГО", "Кемеровский ГО", "Киселёвский ГО", "Ленинск-Кузнецкий ГО", "Междуреченский ГО",
        "Мысковский ГО", "Новокузнецкий ГО", "Осинниковский ГО", "Полысаевский ГО", "Прокопьевский ГО", "Тайгинский ГО", "Юргинский ГО",
    ];

    public static void Build(DemoDataBuilder b)
    {
        var region = b.Region("kuzbass", "Кемеровская область — Кузбасс", Source);
        var y2021 = b.Campaign(region, "Мониторинг реализации ЦМН обучающихся, 2021 год (по сравнению в отчёте 2022 г.)", new DateOnly(2021, 12, 1), Source);
        var y2022 = b.Campaign(region, "Мониторинг реализации ЦМН обучающихся (письмо Минобразования Кузбасса № 13482 от 15.11.2022)", new DateOnly(2022, 12, 1), Source);

        var municipalities = Districts.Select(n => (n, b.Municipality(region, n, n.EndsWith("МР", StringComparison.Ordinal) ? MunicipalityKind.MunicipalDistrict : MunicipalityKind.MunicipalOkrug)))
            .Concat(CityOkrugs.Select(n => (n, b.Municipality(region, n, MunicipalityKind.CityOkrug))))
            .ToDictionary(x => x.n, x => x.Item2);

        // General education: (indicator, group, 2021 %, 2022 %) as printed; null = not published for that year.
        (string Indicator, MunicipalityGroup Group, decimal? Y2021, decimal? Y2022)[] general =
        [
            (StudentMentees, Okrugs, 9.1m, 6.2m), (StudentMentors, Okrugs, 7.5m, 3m), (StudentFormStudentStudent, Okrugs, 7.5m, 8m),
            (StudentFormUniversityStudent, Okrugs, null, 0.001m), (StudentFormEmployerStudent, Okrugs, null, 0.05m),
            (StudentMentees, Cities, 9.8m, 7m), (StudentMentors, Cities, 8m, 3.8m), (StudentFormStudentStudent, Cities, 7.2m, 10.1m),
            (StudentFormUniversityStudent, Cities, 0.4m, 1m), (StudentFormEmployerStudent, Cities, 0.8m, 1.1m),
        ];
        foreach (var (indicator, group, a, c) in general)
        {
            if (a is { } v2021)
                b.AtRegion(y2021, indicator, Figure.PercentOnly(v2021), Source, OrganisationKind.School, group);
            if (c is { } v2022)
                b.AtRegion(y2022, indicator, Figure.PercentOnly(v2022), Source, OrganisationKind.School, group);
        }

        // Supplementary education, 01.12.2022. «студент-ученик» in municipal okrugs is printed «01%», which reads as
        // neither 0,1 % nor 1 %: it is kept as the words printed, not as a number.
        b.Statement(SourceStatement.Unreadable(y2022, StudentFormUniversityStudent, OrganisationKind.Supplementary, Okrugs, "01%",
            "Результаты мониторинга … в организациях дополнительного образования по муниципальным округам и районам"));
        (string Indicator, MunicipalityGroup Group, decimal Value)[] supplementary =
        [
            (StudentFormStudentStudent, Okrugs, 2m), (StudentFormEmployerStudent, Okrugs, 0.025m),
            (StudentFormStudentStudent, Cities, 4.7m), (StudentFormUniversityStudent, Cities, 0.6m), (StudentFormEmployerStudent, Cities, 0.8m),
        ];
        foreach (var (indicator, group, value) in supplementary)
            b.AtRegion(y2022, indicator, Figure.PercentOnly(value), Source, OrganisationKind.Supplementary, group);
        // «55% муниципальных округов и районов приступили…», «…охвачено 47% городских округов».
        b.AtRegion(y2022, MunicipalitiesStartedSupplementary, Figure.PercentOnly(55), Source, OrganisationKind.Supplementary, Okrugs);
        b.AtRegion(y2022, MunicipalitiesStartedSupplementary, Figure.PercentOnly(47), Source, OrganisationKind.Supplementary, Cities);

        // Municipal values of «ученик-ученик» (general education) the seed quotes, 2021 → 2022.
        (string Name, decimal Y2021, decimal Y2022)[] studentStudent =
        [
            ("Таштагольский МР", 27, 43), ("Чебулинский МО", 13.8m, 17), ("Яйский МО", 11, 15), ("Яшкинский МО", 1, 17),
            ("Калтанский ГО", 3, 17.5m), ("Киселёвский ГО", 3.4m, 21), ("Новокузнецкий ГО", 7, 17), ("Осинниковский ГО", 4.3m, 9.5m),
            ("Прокопьевский ГО", 12.6m, 30), ("Полысаевский ГО", 8.6m, 13.8m),
        ];
        foreach (var (name, a, c) in studentStudent)
        {
            b.AtMunicipality(y2021, StudentFormStudentStudent, municipalities[name], Figure.PercentOnly(a), Source, OrganisationKind.School);
            b.AtMunicipality(y2022, StudentFormStudentStudent, municipalities[name], Figure.PercentOnly(c), Source, OrganisationKind.School);
        }

        // The «Выводы» assert a fall of the three forms since 2021, though the slides print growth (7,5 % → 8 %, 7,2 % → 10,1 %…).
        const string falling = "тенденция к снижению по сравнению с 2021 г доли обучающихся по формам наставничества «ученик-ученик», «студент-ученик», «работодатель-ученик»";
        foreach (var form in new[] { StudentFormStudentStudent, StudentFormUniversityStudent, StudentFormEmployerStudent })
            b.Statement(SourceStatement.ClaimedChange(y2022, form, OrganisationKind.School, Domain.Analysis.ChangeDirection.Decrease, falling, "Выводы"));

        // Documents: "% ОО, имеющих договоры (соглашения) о социальном партнёрстве" — 16 % general, 11 % supplementary.
        b.AtRegion(y2022, DocPartnership, Figure.PercentOnly(16), Source, OrganisationKind.School);
        b.AtRegion(y2022, DocPartnership, Figure.PercentOnly(11), Source, OrganisationKind.Supplementary);

        // Training 2020–2022: 12 course programmes, 1467 trained.
        b.AtRegion(y2022, TrainingProgrammes, Figure.Count(12), Source);
        b.AtRegion(y2022, PeopleTrained, Figure.Count(1467), Source);
    }
}
