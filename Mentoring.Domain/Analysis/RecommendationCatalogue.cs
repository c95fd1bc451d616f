using Mentoring.Domain.Indicators;

namespace Mentoring.Domain.Analysis;

/// <summary>What to recommend to an organisation that lacks something, by indicator (Krasnoyarsk report, Appendix 1).</summary>
public sealed record RecommendationRule(string IndicatorCode, string Direction, string Text);

public static class RecommendationCatalogue
{
    public const string Documents = "Нормативно-правовое и информационно-методическое обеспечение реализации программ наставничества";
    public const string Staff = "Кадровый (педагогический) ресурс";
    public const string Forms = "Формы наставничества";
    public const string Effectiveness = "Эффективность программ наставничества";

    public static readonly IReadOnlyList<RecommendationRule> Rules =
    [
        new(IndicatorCatalogue.DocSiteSection, Documents, "Оформить на официальном сайте раздел «Наставничество» с размещением нормативно-правовых и информационно-методических материалов по реализации ЦМН, программы наставничества"),
        new(IndicatorCatalogue.DocOrderImplementation, Documents, "Разработать приказ о внедрении ЦМН в образовательной организации"),
        new(IndicatorCatalogue.DocRegulation, Documents, "Разработать или отредактировать положение о системе наставничества педагогических работников и обучающихся"),
        new(IndicatorCatalogue.DocProgramme, Documents, "Разработать программу наставничества образовательной организации"),
        new(IndicatorCatalogue.DocOrderCurator, Documents, "Издать приказ(ы) о назначении куратора(ов) внедрения и реализации ЦМН"),
        new(IndicatorCatalogue.DocOrderPairs, Documents, "Издать приказ(ы) о закреплении наставнических пар/групп (при наличии молодых педагогов)"),
        new(IndicatorCatalogue.DocRoadmap, Documents, "Разработать дорожную карту (план мероприятий) внедрения ЦМН"),
        new(IndicatorCatalogue.DocPartnership, Documents, "Заключить договоры (соглашения) о социальном партнёрстве с предприятиями и организациями для наставничества по форме «работодатель-ученик»"),
        new(IndicatorCatalogue.YoungTeachersMentees, Staff, "Увеличить долю молодых педагогов (стаж от 0 до 3 лет), вошедших в программы наставничества в роли наставляемого, до 100 % от общего количества молодых педагогов организации"),
        new(IndicatorCatalogue.FormTeacherTeacher, Forms, "Внедрить форму наставничества «учитель-учитель»"),
        new(IndicatorCatalogue.FormTeacherStudent, Forms, "Расширить практику форм наставничества: внедрить форму «учитель-ученик»"),
        new(IndicatorCatalogue.FormStudentStudent, Forms, "Расширить практику форм наставничества: внедрить форму «ученик-ученик»"),
        new(IndicatorCatalogue.FormUniversityStudent, Forms, "Расширить практику форм наставничества: внедрить форму «студент-ученик» во взаимодействии с организациями профессионального и высшего образования"),
        new(IndicatorCatalogue.FormEmployerStudent, Forms, "Расширить практику форм наставничества: внедрить форму «работодатель-ученик» во взаимодействии с предприятиями"),
        new(IndicatorCatalogue.FormEmployerTeacher, Forms, "Расширить практику форм наставничества: внедрить форму «работодатель-учитель»"),
        new(IndicatorCatalogue.Effectiveness, Effectiveness, "Проанализировать причины недопустимого уровня эффективности программы наставничества и скорректировать программу"),
    ];

    /// <summary>Directions in the order of the Appendix.</summary>
    public static readonly IReadOnlyList<string> Directions = [Documents, Staff, Forms, Effectiveness];
}
