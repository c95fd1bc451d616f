namespace Mentoring.Dashboard.Security;

/// <summary>Role names, in one place. The access model (issue "Roles and data scoping") builds on these.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string RegionalOfficial = "RegionalOfficial";
    public const string MunicipalHead = "MunicipalHead";
    public const string Curator = "Curator";
    public const string Presenter = "Presenter";

    public static readonly IReadOnlyList<string> All = [Administrator, RegionalOfficial, MunicipalHead, Curator, Presenter];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Администратор",
        RegionalOfficial => "Сотрудник регионального министерства",
        MunicipalHead => "Руководитель муниципального органа управления образованием",
        Curator => "Куратор образовательной организации",
        Presenter => "Докладчик",
        _ => role,
    };
}
