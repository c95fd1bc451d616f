namespace Mentoring.Domain.Territories;

public enum OrganisationKind
{
    /// <summary>Общеобразовательная организация (ОУ, школа).</summary>
    School = 1,
    /// <summary>Организация дополнительного образования (УДО).</summary>
    Supplementary = 2,
    /// <summary>Дошкольная образовательная организация (ДОО).</summary>
    Preschool = 3,
    /// <summary>Профессиональная образовательная организация (СПО).</summary>
    College = 4,
}

public sealed class Organisation
{
    private Organisation() { }

    public Organisation(Municipality municipality, string name, OrganisationKind kind, bool isSynthetic)
    {
        Municipality = municipality;
        Name = name;
        Kind = kind;
        IsSynthetic = isSynthetic;
    }

    public int Id { get; private set; }
    public int MunicipalityId { get; private set; }
    public Municipality Municipality { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }

    /// <summary>
    /// True for organisations the demo generator added so that drill-down reaches schools where a seed publishes
    /// only municipal totals. The UI marks them «демо».
    /// </summary>
    public bool IsSynthetic { get; private set; }
}
