namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>The five seed documents (shared/seeds), named on every record that comes from them.</summary>
public static class Sources
{
    public const string Kuzbass = "Кузбасс: мониторинг реализации ЦМН обучающихся по состоянию на 01.12.2022 (РЦН КРИРПО)";
    public const string Krasnodar = "Краснодарский край: Августовское совещание 2022, «Региональная система реализации ЦМН» (ЦНППМ ИРО)";
    public const string StaryOskol = "Старооскольский ГО: аналитический отчёт о реализации ЦМН по состоянию на 01.06.2022 (СОИРО)";
    public const string Tomsk = "Томская область: «Год педагога и наставника», 21–22 августа 2023 (ТРЦРТ «Пульсар»)";
    public const string Krasnoyarsk = "г. Красноярск: аналитическая справка по мониторингу эффективности программ наставничества, май 2023 (МКУ КИМЦ)";
}
