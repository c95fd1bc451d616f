namespace Mentoring.Dashboard.Security;

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
