using Mentoring.Domain.Analysis;
using Mentoring.Domain.Territories;

namespace Mentoring.Domain.Monitoring;

/// <summary>What a statement of a source report says, so that a rule can hold it against the report's own figures.</summary>
public enum StatementKind
{
    /// <summary>The date the report was approved or considered on (Stary Oskol: «Протокол от 03.03.2022»).</summary>
    ApprovedOn = 1,

    /// <summary>A date the report says its monitoring ran on (Krasnoyarsk: a stage on 16–30.05.2023).</summary>
    HeldOn = 2,

    /// <summary>A direction of change the report's text asserts (Kuzbass's «тенденция к снижению»).</summary>
    ClaimedChange = 3,

    /// <summary>A value the report prints a second time, elsewhere than the table it is stored from.</summary>
    PrintedAgain = 4,

    /// <summary>A value the report prints in a form that cannot be read as a number (Kuzbass's «01%»).</summary>
    Unreadable = 5,
}

/// <summary>
/// A sentence, date or value of a published report, kept as data beside its figures: generic rules
/// (<see cref="StatementChecks"/>) find where the report contradicts itself, and the product flags it next to the figure.
/// </summary>
public sealed class SourceStatement
{
    private SourceStatement() { }

    private SourceStatement(Campaign campaign, StatementKind kind, string quote, string where)
    {
        Campaign = campaign;
        Kind = kind;
        Quote = quote;
        Where = where;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign Campaign { get; private set; } = null!;
    public int RegionId { get; private set; }
    public Region Region { get; private set; } = null!;

    /// <summary>The municipality the statement is about; null for the whole region.</summary>
    public int? MunicipalityId { get; private set; }
    public Municipality? Municipality { get; private set; }

    public StatementKind Kind { get; private set; }

    /// <summary>The report's own words, quoted.</summary>
    public string Quote { get; private set; } = "";

    /// <summary>Where the report says it: «Выводы, п. 8», «шапка отчёта».</summary>
    public string Where { get; private set; } = "";

    public string? IndicatorCode { get; private set; }
    public OrganisationKind? OrganisationKind { get; private set; }
    public MunicipalityGroup? MunicipalityGroup { get; private set; }
    public int? LevelCode { get; private set; }
    public decimal? Value { get; private set; }
    public DateOnly? Date { get; private set; }
    public ChangeDirection? Direction { get; private set; }

    public static SourceStatement ApprovedOn(Campaign campaign, DateOnly date, string quote, string where) =>
        new(campaign, StatementKind.ApprovedOn, quote, where) { Region = campaign.Region, Date = date };

    public static SourceStatement HeldOn(Campaign campaign, DateOnly date, string quote, string where) =>
        new(campaign, StatementKind.HeldOn, quote, where) { Region = campaign.Region, Date = date };

    public static SourceStatement ClaimedChange(Campaign campaign, string indicatorCode, OrganisationKind? kind, ChangeDirection direction, string quote, string where) =>
        new(campaign, StatementKind.ClaimedChange, quote, where) { Region = campaign.Region, IndicatorCode = indicatorCode, OrganisationKind = kind, Direction = direction };

    public static SourceStatement PrintedAgain(Campaign campaign, Municipality? municipality, string indicatorCode, OrganisationKind? kind, int? levelCode,
        decimal value, string quote, string where) =>
        new(campaign, StatementKind.PrintedAgain, quote, where)
        {
            Region = campaign.Region, Municipality = municipality, IndicatorCode = indicatorCode, OrganisationKind = kind, LevelCode = levelCode, Value = value,
        };

    public static SourceStatement Unreadable(Campaign campaign, string indicatorCode, OrganisationKind? kind, MunicipalityGroup? group, string quote, string where) =>
        new(campaign, StatementKind.Unreadable, quote, where)
        {
            Region = campaign.Region, IndicatorCode = indicatorCode, OrganisationKind = kind, MunicipalityGroup = group,
        };
}
