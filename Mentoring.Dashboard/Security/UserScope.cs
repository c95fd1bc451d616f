using System.Globalization;
using System.Security.Claims;

namespace Mentoring.Dashboard.Security;

/// <summary>Who the signed-in user is for access purposes: their role and the one territory it is bound to.</summary>
public sealed record UserScope(string? Role, int? RegionId, int? MunicipalityId, int? OrganisationId)
{
    public static readonly UserScope Anonymous = new(null, null, null, null);

    public bool IsAdministrator => Role == Roles.Administrator;

    /// <summary>The organisation a curator reports for; null for every other role.</summary>
    public int? CuratedOrganisationId => Role == Roles.Curator ? OrganisationId : null;

    public static UserScope From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return Anonymous;
        // A user has exactly one role; should several be assigned, the most powerful one is not assumed.
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        return new UserScope(role, Id(user, ApplicationClaimsFactory.RegionId), Id(user, ApplicationClaimsFactory.MunicipalityId),
            Id(user, ApplicationClaimsFactory.OrganisationId));
    }

    private static int? Id(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirst(type)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>Where a territory sits: its region, and its municipality and organisation where it has them.</summary>
public sealed record TerritoryPath(int RegionId, int? MunicipalityId = null, int? OrganisationId = null);

/// <summary>How much of a territory a user may see.</summary>
public enum TerritoryAccess
{
    /// <summary>Nothing: not its name, not its figures.</summary>
    None = 0,
    /// <summary>The territory's own figures, without the list of its municipalities or organisations.</summary>
    Aggregates = 1,
    /// <summary>Its figures and its children listed with theirs.</summary>
    Detail = 2,
}

/// <summary>The access model, as one pure function (the authorization matrix tests call it cell by cell).</summary>
public static class AccessRules
{
    public static TerritoryAccess For(UserScope user, TerritoryPath territory)
    {
        if (user.IsAdministrator)
            return TerritoryAccess.Detail;
        if (user.RegionId is null || user.RegionId != territory.RegionId)
            return TerritoryAccess.None;

        var isRegion = territory.MunicipalityId is null;
        var isMunicipality = territory is { MunicipalityId: not null, OrganisationId: null };
        var ownMunicipality = territory.MunicipalityId == user.MunicipalityId;

        return user.Role switch
        {
            Roles.RegionalOfficial => TerritoryAccess.Detail,
            // A presenter bound to a region shows the region; bound to a municipality, shows it like its head.
            Roles.Presenter when user.MunicipalityId is null => TerritoryAccess.Detail,
            Roles.Presenter or Roles.MunicipalHead => isRegion
                ? TerritoryAccess.Detail // the comparison of municipalities, at municipality level
                : ownMunicipality
                    ? TerritoryAccess.Detail
                    : isMunicipality ? TerritoryAccess.Aggregates : TerritoryAccess.None,
            Roles.Curator => isRegion
                ? TerritoryAccess.Aggregates
                : isMunicipality
                    ? ownMunicipality ? TerritoryAccess.Aggregates : TerritoryAccess.None
                    : territory.OrganisationId == user.OrganisationId ? TerritoryAccess.Detail : TerritoryAccess.None,
            _ => TerritoryAccess.None,
        };
    }
}

/// <summary>Who may write figures and run campaigns; reading stays with <see cref="AccessRules"/>.</summary>
public static class IntakeRules
{
    /// <summary>Administrators anywhere; a regional official in the region; a municipal head in the municipality; a curator for the organisation.</summary>
    public static bool MayReport(UserScope user, TerritoryPath organisation) => user.Role switch
    {
        Roles.Administrator => true,
        Roles.RegionalOfficial => user.RegionId == organisation.RegionId,
        Roles.MunicipalHead => user.RegionId == organisation.RegionId && user.MunicipalityId == organisation.MunicipalityId,
        Roles.Curator => user.OrganisationId is not null && user.OrganisationId == organisation.OrganisationId,
        _ => false,
    };

    /// <summary>
    /// Why nobody of the user's role may change a round's data now (by the form or by an import), or null when they may:
    /// a round loaded from a published report never changes; a closed one only by an administrator's correction.
    /// </summary>
    public static string? WhyRoundIsReadOnly(UserScope user, Mentoring.Domain.Monitoring.Campaign campaign) =>
        campaign.Source != Mentoring.Domain.Monitoring.Campaign.CollectedInSystem
            ? "Этот мониторинг загружен из опубликованного отчёта: его данные показаны как напечатано и через форму или загрузку не меняются."
            : campaign.State switch
            {
                Mentoring.Domain.Monitoring.CampaignState.Collecting => null,
                Mentoring.Domain.Monitoring.CampaignState.Closed when user.IsAdministrator => null, // corrections, recorded in the audit log
                Mentoring.Domain.Monitoring.CampaignState.Closed => "Мониторинг закрыт: исправления вносит администратор.",
                _ => "Мониторинг ещё не открыт для ввода данных.",
            };

    /// <summary>Opening, starting and closing campaigns: administrators and the region's officials.</summary>
    public static bool MayManageCampaigns(UserScope user, int regionId) =>
        user.IsAdministrator || (user.Role == Roles.RegionalOfficial && user.RegionId == regionId);
}
