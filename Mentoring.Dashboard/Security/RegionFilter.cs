namespace Mentoring.Dashboard.Security;

/// <summary>
/// The regions a listing may read: every region — said in so many words, and only for an administrator — or the ones
/// listed. There is no «null means all»: a filter built for anyone else lists their one region, or none.
/// </summary>
public sealed record RegionFilter
{
    private RegionFilter(bool everyRegion, int[] ids) => (EveryRegion, Ids) = (everyRegion, ids);

    public bool EveryRegion { get; }

    /// <summary>An array, so that EF Core turns <c>Ids.Contains(x)</c> into SQL.</summary>
    public int[] Ids { get; }

    public bool IsEmpty => !EveryRegion && Ids.Length == 0;

    public static RegionFilter Only(params int[] ids) => new(false, ids);

    /// <summary>Every region: an administrator's scope, and the data layer's own work (<see cref="Data.MentoringDatabase.EveryRegion"/>).</summary>
    public static RegionFilter Every { get; } = new(true, []);

    /// <summary>What a user's scope lets them list: an administrator every region, anyone else their own (or none).</summary>
    public static RegionFilter For(UserScope scope) =>
        scope.IsAdministrator ? Every
        : scope.RegionId is { } id && scope.Role is not null ? new(false, [id])
        : new(false, []);

    public bool Includes(int regionId) => EveryRegion || Ids.Contains(regionId);
}
