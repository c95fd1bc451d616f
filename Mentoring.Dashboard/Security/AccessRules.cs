namespace Mentoring.Dashboard.Security;

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
