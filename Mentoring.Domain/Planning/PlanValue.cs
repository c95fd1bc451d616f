using Mentoring.Domain.Territories;

namespace Mentoring.Domain.Planning;

/// <summary>A yearly plan value of an indicator for a region (or one of its municipalities), e.g. 70 % in 2024.</summary>
public sealed class PlanValue
{
    public const int FirstYear = 2018;
    public const int LastYear = 2030;

    /// <summary>No region counts more people or programmes than this (Russia has about 18 million schoolchildren in all).</summary>
    public const decimal MaxCount = 10_000_000;

    private PlanValue() { }

    /// <param name="dueBy">The date the source sets the target for, where it gives one («к 1 января 2024 г.»).</param>
    public PlanValue(Region region, string indicatorCode, int year, decimal target, OrganisationKind? organisationKind, string source,
        DateOnly? dueBy = null)
    {
        DueBy = dueBy;
        Region = region;
        IndicatorCode = indicatorCode;
        Year = year;
        Target = target;
        OrganisationKind = organisationKind;
        Source = source;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public Region Region { get; private set; } = null!;
    public string IndicatorCode { get; private set; } = "";

    /// <summary>The kind of organisations the plan is about; null = all.</summary>
    public OrganisationKind? OrganisationKind { get; private set; }

    public int Year { get; private set; }

    /// <summary>
    /// The date the source words the target for («к 1 января 2024 г.» for the results of 2023); null when it names a
    /// year only. Shown instead of the year, so a page never restates a source's deadline in other words.
    /// </summary>
    public DateOnly? DueBy { get; private set; }

    /// <summary>Percent for shares and facts, a number for counts.</summary>
    public decimal Target { get; private set; }

    public string Source { get; private set; } = "";

    public void Change(int year, decimal target)
    {
        Year = year;
        Target = target;
    }

    /// <summary>
    /// Why a plan value cannot be set, in the words the administrator sees: years 2018–2030; a share or a fact
    /// between 0 and 100 %; a count a whole number, not negative; level indicators are not planned.
    /// </summary>
    public static IReadOnlyList<string> Validate(Indicators.Indicator indicator, int year, decimal target)
    {
        var errors = new List<string>();
        if (year is < FirstYear or > LastYear)
            errors.Add($"Год должен быть от {FirstYear} до {LastYear}.");
        switch (indicator.Kind)
        {
            case Indicators.IndicatorKind.Share or Indicators.IndicatorKind.Fact when target is < 0 or > 100:
                errors.Add("Плановое значение доли должно быть от 0 до 100 %.");
                break;
            case Indicators.IndicatorKind.Count when target < 0 || target != decimal.Truncate(target):
                errors.Add("Плановое количество должно быть целым неотрицательным числом.");
                break;
            case Indicators.IndicatorKind.Count when target > MaxCount:
                errors.Add($"Плановое количество не может быть больше {MaxCount:#,0}.".Replace(",", "\u00A0", StringComparison.Ordinal));
                break;
            case Indicators.IndicatorKind.Level:
                errors.Add("Для показателя-уровня плановое значение не задаётся.");
                break;
        }
        return errors;
    }
}
