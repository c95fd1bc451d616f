using System.Globalization;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Territories;

namespace Mentoring.Dashboard.Services;

/// <summary>Russian wording and ru-RU number formats ("6,2 %", "1 467"), in one place.</summary>
public static class Format
{
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public const string NoData = "нет данных";

    /// <summary>Marks a generated value where a badge does not fit (a chart label, a list): «90,9 % *».</summary>
    public const string DemoMark = "\u00A0*";

    public const string DemoFootnote = "* значение по демонстрационным (сгенерированным) данным";

    /// <summary>A computed percentage, to one decimal ("79,8 %"); tiny non-zero values keep their digits ("0,025 %").</summary>
    public static string Percent(decimal? value) =>
        value is { } v ? v.ToString(Math.Abs(v) < 0.1m && v != 0 ? "0.###" : "0.#", Russian) + "\u00A0%" : NoData;

    /// <summary>A percentage as a seed printed it, with its own precision ("51,56 %").</summary>
    public static string PublishedPercent(decimal value) => value.ToString("0.###", Russian) + "\u00A0%";

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,0.##", Russian) : NoData;

    /// <summary>A change: "+8,4 п.п." for percentages, "−12 ед." for counts; a true minus sign, no "+0".</summary>
    public static string Delta(decimal delta, bool isPercent, string unit = "")
    {
        var rounded = Math.Round(delta, isPercent ? 1 : 0, MidpointRounding.AwayFromZero);
        var sign = rounded > 0 ? "+" : rounded < 0 ? "\u2212" : "";
        var number = Math.Abs(rounded).ToString(isPercent ? "0.#" : "#,0", Russian);
        return $"{sign}{number}\u00A0{(isPercent ? "п.п." : unit)}".TrimEnd();
    }

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", Russian);

    /// <summary>The headline of a figure: "79,8 %" for shares and facts, "734 чел." for counts.</summary>
    public static string Headline(Indicator indicator, Figure? figure)
    {
        if (figure is not { } f)
            return NoData;
        return indicator.Kind switch
        {
            // A percentage the report printed is shown as printed; the one its counts give is in the detail.
            IndicatorKind.Share or IndicatorKind.Fact when f.Value is { } published => PublishedPercent(published),
            IndicatorKind.Share or IndicatorKind.Fact when f is { Numerator: not null, Denominator: not null } => Percent(f.Percent),
            // A count published without its total: organisations for facts, people or programmes for shares.
            IndicatorKind.Fact when f.Numerator is { } n => $"{Number(n)} ОО",
            IndicatorKind.Share when f.Numerator is { } n => $"{Number(n)} {indicator.PartUnit}",
            IndicatorKind.Count when f.Value is { } v => $"{Number(v)} {indicator.Unit}".TrimEnd(),
            _ => NoData,
        };
    }

    /// <summary>The counts behind a share: "701 из 878"; for facts "110 из 111 ОО"; empty when not published.</summary>
    public static string Detail(Indicator indicator, Figure? figure)
    {
        if (figure is not { Numerator: { } n } f)
            return "";
        var unit = indicator.Kind == IndicatorKind.Fact ? " ОО" : "";
        if (f.Denominator is not { } d)
            return "";
        var counts = $"{Number(n)} из {Number(d)}{unit}";
        // Beside a printed percentage, what the counts give, where it reads differently: «701 из 878 (расчёт: 79,8 %)».
        return f.Value is { } printed && d != 0 && Percent(n / d * 100) is var computed && computed != PublishedPercent(printed)
            ? $"{counts} (расчёт: {computed})"
            : counts;
    }

    /// <summary>A fact of one organisation: «да» / «нет».</summary>
    public static string YesNo(Figure? figure) => figure?.Numerator switch
    {
        null => NoData,
        > 0 => "да",
        _ => "нет",
    };

    public static string Level(Indicator indicator, int? code) =>
        code is { } c ? indicator.Levels?.FirstOrDefault(l => l.Code == c)?.Name ?? NoData : NoData;

    public static string OrganisationKind(OrganisationKind? kind, bool plural = true) => (kind, plural) switch
    {
        (null, _) => "Все организации",
        (Domain.Territories.OrganisationKind.School, true) => "Общеобразовательные организации",
        (Domain.Territories.OrganisationKind.School, false) => "Общеобразовательная организация",
        (Domain.Territories.OrganisationKind.Supplementary, true) => "Организации доп. образования",
        (Domain.Territories.OrganisationKind.Supplementary, false) => "Организация доп. образования",
        (Domain.Territories.OrganisationKind.Preschool, true) => "Дошкольные организации",
        (Domain.Territories.OrganisationKind.Preschool, false) => "Дошкольная организация",
        (_, true) => "Профессиональные организации",
        _ => "Профессиональная организация",
    };

    public static string OrganisationKindShort(OrganisationKind? kind) => kind switch
    {
        null => "все ОО",
        Domain.Territories.OrganisationKind.School => "ОУ",
        Domain.Territories.OrganisationKind.Supplementary => "УДО",
        Domain.Territories.OrganisationKind.Preschool => "ДОО",
        _ => "СПО",
    };

    public static string MunicipalityKind(MunicipalityKind kind) => kind switch
    {
        Domain.Territories.MunicipalityKind.CityOkrug => "городской округ",
        Domain.Territories.MunicipalityKind.MunicipalOkrug => "муниципальный округ",
        Domain.Territories.MunicipalityKind.MunicipalDistrict => "муниципальный район",
        _ => "областные гос. организации",
    };

    /// <summary>The same words starting a line or a choice: «Городские округа».</summary>
    /// <summary>«Положение», but «Учитель-ученик» as it is: form names carry their own quotes.</summary>
    public static string QuotedName(Indicator indicator) =>
        indicator.ShortName.StartsWith('«') && indicator.ShortName.EndsWith('»') ? indicator.ShortName : $"«{indicator.ShortName}»";

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Russian) + text[1..];

    public static string MunicipalityGroup(MunicipalityGroup? group) => group switch
    {
        Domain.Territories.MunicipalityGroup.CityOkrugs => "городские округа",
        Domain.Territories.MunicipalityGroup.OkrugsAndDistricts => "муниципальные округа и районы",
        Domain.Territories.MunicipalityGroup.RegionalState => "областные организации",
        _ => "",
    };

    /// <summary>Label of a slice: "все ОО", "ОУ", "ОУ · городские округа".</summary>
    public static string Slice(SliceFigure slice) => Slice(slice.Kind, slice.Group);

    public static string Slice(OrganisationKind? kind, MunicipalityGroup? group) =>
        group is null ? OrganisationKindShort(kind) : $"{OrganisationKindShort(kind)} · {MunicipalityGroup(group)}";

    /// <summary>A report's state with a glyph, so it is not told by colour alone: "✓ сдано".</summary>
    public static string SubmissionState(SubmissionState state) => state switch
    {
        Domain.Monitoring.SubmissionState.Submitted => "✓ сдано",
        Domain.Monitoring.SubmissionState.InProgress => "✎ заполняется",
        _ => "— не приступили",
    };

    /// <summary>What stands instead of a report's state in a round loaded from a published report (nobody reported in the app).</summary>
    public const string PublishedReport = "опубликованный отчёт";

    /// <summary>Why a round loaded from a published report has no collection to follow or chase.</summary>
    public const string PublishedReportHasNoCollection =
        "Этот мониторинг загружен из опубликованного отчёта: организации не сдавали данные через систему, поэтому хода сбора и списка «Кто не сдал» у него нет.";

    /// <summary>"21.11.2026 14:05, Иванова" (pass the time in the user's zone: <see cref="UserClock.Local(DateTimeOffset?)"/>), or "—".</summary>
    public static string LastChange(DateTimeOffset? at, string? by) =>
        at is { } t ? $"{t.ToString("dd.MM.yyyy HH:mm", Russian)}, {by}" : "—";

    /// <summary>A verb that agrees with its number: Agreeing(21, "улучшился", "улучшились") is «улучшился», Agreeing(11, …) «улучшились».</summary>
    public static string Agreeing(int count, string one, string many) => Math.Abs(count) % 10 == 1 && Math.Abs(count) % 100 != 11 ? one : many;

    /// <summary>Russian plural: Plural(5, "организация", "организации", "организаций").</summary>
    public static string Plural(int n, string one, string few, string many)
    {
        var m100 = Math.Abs(n) % 100;
        var m10 = m100 % 10;
        var word = m100 is >= 11 and <= 14 ? many : m10 == 1 ? one : m10 is >= 2 and <= 4 ? few : many;
        return $"{n.ToString("#,0", Russian)} {word}";
    }
}
