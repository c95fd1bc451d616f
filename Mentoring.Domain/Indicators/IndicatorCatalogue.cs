namespace Mentoring.Domain.Indicators;

/// <summary>
/// Every indicator the five seed reports monitor. Codes are stable identifiers stored with each observation.
/// </summary>
public static class IndicatorCatalogue
{
    // Student mentoring (Kuzbass monitoring; Tomsk programme).
    public const string StudentMentees = "STU_MENTEES";
    public const string StudentMentors = "STU_MENTORS";
    public const string StudentFormStudentStudent = "STU_FORM_SS";
    public const string StudentFormUniversityStudent = "STU_FORM_US";
    public const string MunicipalitiesStartedSupplementary = "MUN_STARTED_SUPP";
    public const string StudentFormEmployerStudent = "STU_FORM_ES";

    // Teacher mentoring (Krasnoyarsk, Stary Oskol).
    public const string YoungTeachersMentees = "TCH_YOUNG_MENTEES";
    public const string TeacherMentors = "TCH_MENTORS";
    public const string MentoringPairs = "TCH_PAIRS";
    public const string MentoringGroups = "TCH_GROUPS";
    public const string ProgrammesApproved = "PRG_APPROVED";
    public const string ProgrammesImplemented = "PRG_IMPLEMENTED";
    public const string ProgrammesYoungTeachers = "PRG_YOUNG";
    public const string ProgrammesPeer = "PRG_PEER";
    public const string ProgrammesCompletedTeacherTeacher = "PRG_DONE_TT";
    public const string ProgrammesCompletedTeacherStudent = "PRG_DONE_TS";
    public const string ProgrammesCompletedStudentStudent = "PRG_DONE_SS";
    public const string ProgrammesCompleted = "PRG_DONE";
    public const string Enterprises = "ENTERPRISES";

    // Local normative documents (facts per organisation).
    public const string DocSiteSection = "DOC_SITE";
    public const string DocRegulation = "DOC_REGULATION";
    public const string DocProgramme = "DOC_PROGRAMME";
    public const string DocOrderPairs = "DOC_ORDER_PAIRS";
    public const string DocOrderImplementation = "DOC_ORDER_IMPL";
    public const string DocOrderCurator = "DOC_ORDER_CURATOR";
    public const string DocRoadmap = "DOC_ROADMAP";
    public const string DocPartnership = "DOC_PARTNERSHIP";
    public const string DocPackage = "DOC_PACKAGE";

    // Forms of mentoring implemented by an organisation (facts).
    public const string FormTeacherTeacher = "FORM_TT";
    public const string FormTeacherStudent = "FORM_TS";
    public const string FormStudentStudent = "FORM_SS";
    public const string FormUniversityStudent = "FORM_US";
    public const string FormEmployerStudent = "FORM_ES";
    public const string FormEmployerTeacher = "FORM_ET";
    public const string FormNetwork = "FORM_NETWORK";

    // Training, effectiveness, satisfaction.
    public const string TeachersTrained = "TRN_TEACHERS";
    public const string PeopleTrained = "TRN_PEOPLE";
    public const string TrainingProgrammes = "TRN_PROGRAMMES";
    public const string Effectiveness = "EFFECTIVENESS";
    public const string Satisfaction = "SATISFACTION";

    // Tomsk regional programme "Развитие наставничества … на 2020–2024 годы".
    public const string ProgrammeStudents511 = "TP_STU_5_11";
    public const string ProgrammeStudentsSupplementary = "TP_STU_DOP";
    public const string ProgrammeEnterprises = "TP_ENTERPRISES";
    public const string ProgrammeProjectStudents = "TP_PROJECT";
    public const string ProgrammeCareerGuidance = "TP_CAREER";
    public const string ProgrammeEnterpriseMentors = "TP_ENT_MENTORS";
    public const string ProgrammeStudentMentors = "TP_STUDENT_MENTORS";

    public static readonly IReadOnlyList<LevelOption> EffectivenessLevels =
    [
        new(1, "Оптимальный"),
        new(2, "Допустимый"),
        new(3, "Недопустимый"),
    ];

    public static readonly IReadOnlyList<LevelOption> DocumentPackageLevels =
    [
        new(1, "Сформирован полностью"),
        new(2, "В стадии формирования"),
        new(3, "Не сформирован"),
    ];

    public static readonly IReadOnlyList<Indicator> All =
    [
        Share(StudentMentees, "Доля обучающихся, вошедших в программу наставничества в роли наставляемого", "Обучающиеся-наставляемые", IndicatorGroup.StudentMentoring) with { PartLabel = "Обучающихся-наставляемых", WholeLabel = "Всего обучающихся" },
        Share(StudentMentors, "Доля обучающихся, вошедших в программу наставничества в роли наставника", "Обучающиеся-наставники", IndicatorGroup.StudentMentoring) with { PartLabel = "Обучающихся-наставников", WholeLabel = "Всего обучающихся" },
        Share(StudentFormStudentStudent, "Доля обучающихся, вошедших в программу наставничества в форме «ученик-ученик»", "Обучающиеся: «ученик-ученик»", IndicatorGroup.StudentMentoring) with { PartLabel = "Обучающихся в форме «ученик-ученик»", WholeLabel = "Всего обучающихся" },
        Share(StudentFormUniversityStudent, "Доля обучающихся, вошедших в программу наставничества в форме «студент-ученик»", "Обучающиеся: «студент-ученик»", IndicatorGroup.StudentMentoring) with { PartLabel = "Обучающихся в форме «студент-ученик»", WholeLabel = "Всего обучающихся" },
        Share(StudentFormEmployerStudent, "Доля обучающихся, вошедших в программу наставничества в форме «работодатель-ученик»", "Обучающиеся: «работодатель-ученик»", IndicatorGroup.StudentMentoring) with { PartLabel = "Обучающихся в форме «работодатель-ученик»", WholeLabel = "Всего обучающихся" },
        Share(MunicipalitiesStartedSupplementary, "Доля муниципалитетов, приступивших к реализации целевой модели наставничества обучающихся в организациях дополнительного образования",
            "Муниципалитеты, приступившие в ДО", IndicatorGroup.StudentMentoring) with { PartLabel = "Приступили муниципалитетов", WholeLabel = "Всего муниципалитетов", PartUnit = "мун.", CountsMunicipalities = true },

        Share(YoungTeachersMentees, "Доля молодых педагогов (стаж 0–3 года), вошедших в программы наставничества в роли наставляемого", "Молодые педагоги в программах", IndicatorGroup.TeacherMentoring) with { PartLabel = "Из них в программах наставничества", WholeLabel = "Молодых педагогов (стаж 0–3 года)" },
        Count(TeacherMentors, "Количество педагогов, вошедших в программы наставничества в роли наставника", "Педагоги-наставники", IndicatorGroup.TeacherMentoring, "чел."),
        Count(MentoringPairs, "Количество наставнических пар (по приказу)", "Наставнические пары", IndicatorGroup.TeacherMentoring, "ед."),
        Count(MentoringGroups, "Количество наставнических групп (по приказу)", "Наставнические группы", IndicatorGroup.TeacherMentoring, "ед."),
        Count(ProgrammesApproved, "Количество утверждённых персонализированных программ наставничества педагогических работников", "Программы утверждены", IndicatorGroup.Programmes, "ед."),
        Count(ProgrammesImplemented, "Количество реализованных персонализированных программ наставничества педагогических работников", "Программы реализованы", IndicatorGroup.Programmes, "ед."),
        Count(ProgrammesYoungTeachers, "Персонализированные программы для молодых педагогов (до 3 лет)", "Программы для молодых педагогов", IndicatorGroup.Programmes, "ед."),
        Count(ProgrammesPeer, "Персонализированные программы для категории «педагог-педагогу»", "Программы «педагог-педагогу»", IndicatorGroup.Programmes, "ед."),
        Share(ProgrammesCompletedTeacherTeacher, "Доля завершённых персонализированных программ по форме «учитель-учитель»", "Завершены: «учитель-учитель»", IndicatorGroup.Programmes) with { PartLabel = "Завершено программ «учитель-учитель»", WholeLabel = "Всего программ «учитель-учитель»", PartUnit = "ед." },
        Share(ProgrammesCompletedTeacherStudent, "Доля завершённых персонализированных программ по форме «учитель-ученик»", "Завершены: «учитель-ученик»", IndicatorGroup.Programmes) with { PartLabel = "Завершено программ «учитель-ученик»", WholeLabel = "Всего программ «учитель-ученик»", PartUnit = "ед." },
        Share(ProgrammesCompletedStudentStudent, "Доля завершённых персонализированных программ по форме «ученик-ученик»", "Завершены: «ученик-ученик»", IndicatorGroup.Programmes) with { PartLabel = "Завершено программ «ученик-ученик»", WholeLabel = "Всего программ «ученик-ученик»", PartUnit = "ед." },
        Share(ProgrammesCompleted, "Доля завершённых персонализированных программ наставничества (все формы)", "Завершены: все формы", IndicatorGroup.Programmes) with { PartLabel = "Завершено программ", WholeLabel = "Всего программ", PartUnit = "ед.", IsTotalOfForms = true },
        Count(Enterprises, "Количество предприятий (организаций), вошедших в программы наставничества", "Предприятия-партнёры", IndicatorGroup.TeacherMentoring, "ед."),

        Fact(DocSiteSection, "Раздел «Наставничество» на официальном сайте", "Раздел на сайте", IndicatorGroup.Documents),
        Fact(DocRegulation, "Положение о системе наставничества", "Положение", IndicatorGroup.Documents),
        Fact(DocProgramme, "Программа наставничества образовательной организации", "Программа наставничества", IndicatorGroup.Documents),
        Fact(DocOrderPairs, "Приказ о закреплении наставнических пар/групп", "Приказ о парах/группах", IndicatorGroup.Documents),
        Fact(DocOrderImplementation, "Приказ о внедрении и/или реализации ЦМН", "Приказ о внедрении ЦМН", IndicatorGroup.Documents),
        Fact(DocOrderCurator, "Приказ о назначении куратора внедрения ЦМН", "Приказ о кураторе", IndicatorGroup.Documents),
        Fact(DocRoadmap, "Дорожная карта (план мероприятий) внедрения ЦМН", "Дорожная карта", IndicatorGroup.Documents),
        Fact(DocPartnership, "Договор (соглашение) о социальном партнёрстве", "Договор о партнёрстве", IndicatorGroup.Documents),
        new(DocPackage, "Состояние пакета документов по наставничеству", "Пакет документов", IndicatorKind.Level, IndicatorGroup.Documents, "", DocumentPackageLevels),

        Fact(FormTeacherTeacher, "Реализуется форма наставничества «учитель-учитель»", "«Учитель-учитель»", IndicatorGroup.Forms),
        Fact(FormTeacherStudent, "Реализуется форма наставничества «учитель-ученик»", "«Учитель-ученик»", IndicatorGroup.Forms),
        Fact(FormStudentStudent, "Реализуется форма наставничества «ученик-ученик»", "«Ученик-ученик»", IndicatorGroup.Forms),
        Fact(FormUniversityStudent, "Реализуется форма наставничества «студент-ученик»", "«Студент-ученик»", IndicatorGroup.Forms),
        Fact(FormEmployerStudent, "Реализуется форма наставничества «работодатель-ученик»", "«Работодатель-ученик»", IndicatorGroup.Forms),
        Fact(FormEmployerTeacher, "Реализуется форма наставничества «работодатель-учитель»", "«Работодатель-учитель»", IndicatorGroup.Forms),
        Fact(FormNetwork, "Реализуются сетевые формы наставничества («учитель-студент», «работодатель-студент», «педагог вуза-учитель» и др.)", "Сетевые формы", IndicatorGroup.Forms),

        Share(TeachersTrained, "Доля педагогических работников, прошедших курсы повышения квалификации по наставничеству", "Прошли курсы по наставничеству", IndicatorGroup.Training) with { PartLabel = "Прошли курсы по наставничеству", WholeLabel = "Всего педагогических работников" },
        Count(PeopleTrained, "Обучено по программам повышения квалификации по наставничеству", "Обучено", IndicatorGroup.Training, "чел."),
        Count(TrainingProgrammes, "Реализовано программ повышения квалификации по наставничеству", "Программы КПК", IndicatorGroup.Training, "ед."),
        new(Effectiveness, "Уровень эффективности программы наставничества", "Эффективность", IndicatorKind.Level, IndicatorGroup.Effectiveness, "", EffectivenessLevels),
        Share(Satisfaction, "Удовлетворённость педагогических работников участием в персонализированных программах наставничества", "Удовлетворённость", IndicatorGroup.Effectiveness) with { PartLabel = "Удовлетворены участием", WholeLabel = "Опрошено участников программ" },

        Share(ProgrammeStudents511, "Доля обучающихся 5–11 классов общеобразовательных организаций, вовлечённых в различные формы сопровождения и наставничества", "Обучающиеся 5–11 кл. в наставничестве", IndicatorGroup.RegionalProgramme),
        Share(ProgrammeStudentsSupplementary, "Доля обучающихся организаций дополнительного образования, вовлечённых в различные формы наставничества", "Обучающиеся доп. образования в наставничестве", IndicatorGroup.RegionalProgramme),
        Count(ProgrammeEnterprises, "Количество предприятий (организаций), вошедших в программы наставничества, предоставив своих наставников", "Предприятия с наставниками", IndicatorGroup.RegionalProgramme, "ед."),
        Count(ProgrammeProjectStudents, "Число обучающихся, вовлечённых в проектную деятельность", "Обучающиеся в проектах", IndicatorGroup.RegionalProgramme, "чел."),
        Count(ProgrammeCareerGuidance, "Число обучающихся, участвующих в профориентационных мероприятиях", "Обучающиеся в профориентации", IndicatorGroup.RegionalProgramme, "чел."),
        Count(ProgrammeEnterpriseMentors, "Число представителей предприятий (организаций), вовлечённых в качестве наставников для обучающихся", "Наставники от предприятий", IndicatorGroup.RegionalProgramme, "чел."),
        Count(ProgrammeStudentMentors, "Число студентов организаций профессионального и высшего образования, вовлечённых в качестве наставников", "Студенты-наставники", IndicatorGroup.RegionalProgramme, "чел."),
    ];

    private static readonly Dictionary<string, Indicator> ByCode = All.ToDictionary(i => i.Code);
    private static readonly Dictionary<string, int> Position = All.Select((indicator, index) => (indicator.Code, index)).ToDictionary();

    /// <summary>The indicator's place in the catalogue, the order every table and chart lists indicators in.</summary>
    public static int Order(Indicator indicator) => Position.GetValueOrDefault(indicator.Code, int.MaxValue);

    public static Indicator Get(string code) =>
        ByCode.TryGetValue(code, out var indicator)
            ? indicator
            : throw new KeyNotFoundException($"Unknown indicator code '{code}'.");

    public static bool TryGet(string code, out Indicator indicator) => ByCode.TryGetValue(code, out indicator!);

    public static string GroupName(IndicatorGroup group) => group switch
    {
        IndicatorGroup.StudentMentoring => "Наставничество обучающихся",
        IndicatorGroup.TeacherMentoring => "Кадровый ресурс",
        IndicatorGroup.Documents => "Локальные нормативные акты",
        IndicatorGroup.Forms => "Формы наставничества",
        IndicatorGroup.Programmes => "Персонализированные программы",
        IndicatorGroup.Training => "Повышение квалификации",
        IndicatorGroup.Effectiveness => "Эффективность и удовлетворённость",
        IndicatorGroup.RegionalProgramme => "Показатели региональной программы",
        _ => group.ToString(),
    };

    private static Indicator Share(string code, string name, string shortName, IndicatorGroup group) =>
        new(code, name, shortName, IndicatorKind.Share, group, "%");

    private static Indicator Count(string code, string name, string shortName, IndicatorGroup group, string unit) =>
        new(code, name, shortName, IndicatorKind.Count, group, unit);

    private static Indicator Fact(string code, string name, string shortName, IndicatorGroup group) =>
        new(code, name, shortName, IndicatorKind.Fact, group, "%");
}
