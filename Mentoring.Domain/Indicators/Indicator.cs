namespace Mentoring.Domain.Indicators;

public enum IndicatorKind
{
    /// <summary>Numerator / denominator, shown in %. Aggregates as Σnumerators / Σdenominators.</summary>
    Share = 1,
    /// <summary>A number of things or people. Aggregates as a sum.</summary>
    Count = 2,
    /// <summary>Yes/no per organisation (stored as 1/1 or 0/1). Aggregates as "N of M organisations".</summary>
    Fact = 3,
    /// <summary>One of a few ordered levels per organisation. Aggregates as a distribution.</summary>
    Level = 4,
}

public enum IndicatorGroup
{
    StudentMentoring = 1,
    TeacherMentoring = 2,
    Documents = 3,
    Forms = 4,
    Programmes = 5,
    Training = 6,
    Effectiveness = 7,
    RegionalProgramme = 8,
}

/// <summary>One choice of a <see cref="IndicatorKind.Level"/> indicator, ordered from best to worst.</summary>
public sealed record LevelOption(int Code, string Name);

public sealed record Indicator(
    string Code,
    string Name,
    string ShortName,
    IndicatorKind Kind,
    IndicatorGroup Group,
    string Unit,
    IReadOnlyList<LevelOption>? Levels = null)
{
    /// <summary>True when a bigger value is better; used to rank municipalities and to word changes.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>For shares: what the numerator counts, as a form or a spreadsheet column names it.</summary>
    public string PartLabel { get; init; } = "Участвуют";

    /// <summary>For shares: what the denominator counts.</summary>
    public string WholeLabel { get; init; } = "Всего";

    /// <summary>For shares: the unit of what the numerator counts, shown when a source publishes the count alone («165 чел.»).</summary>
    public string PartUnit { get; init; } = "чел.";

    /// <summary>
    /// Whether organisations report it themselves. The regional programme's indicators are computed by the region
    /// from other sources, so campaigns do not ask schools for them.
    /// </summary>
    public bool ReportedByOrganisations => Group != IndicatorGroup.RegionalProgramme && !IsTotalOfForms && !CountsMunicipalities;

    /// <summary>A share of municipalities (Kuzbass's «55 % муниципальных округов и районов приступили»): no school reports it.</summary>
    public bool CountsMunicipalities { get; init; }

    /// <summary>A report's total over the forms of mentoring (Krasnoyarsk's «Всего» row): published, not asked of schools.</summary>
    public bool IsTotalOfForms { get; init; }
}
