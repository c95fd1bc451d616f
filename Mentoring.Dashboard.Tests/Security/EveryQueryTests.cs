using System.Reflection;
using System.Security.Claims;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>
/// Every public read of the data services, found by reflection so that a new one is in the test the day it is written:
/// asked by someone from another region (a Krasnoyarsk curator) about Krasnodar, each must refuse. A method whose
/// parameters this test cannot fill fails it, so its author decides what it is asked with.
/// </summary>
[Collection(SqliteDatabaseCollection.Name)]
public class EveryQueryTests(SqliteSeededDatabase database)
{
    /// <summary>Reads that are the user's own by construction: their access level, their regions, nothing of a territory.</summary>
    private static readonly HashSet<string> OwnScopeOnly = [$"{nameof(MonitoringQueries)}.{nameof(MonitoringQueries.GetAccessAsync)}", $"{nameof(MonitoringQueries)}.{nameof(MonitoringQueries.GetRegionsAsync)}"];

    public static TheoryData<string> Reads()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(MonitoringQueries), typeof(CampaignDynamics), typeof(Conclusions), typeof(DataQuality), typeof(PlanProgress), typeof(Recommendations), typeof(PeerStandings), typeof(TargetOutlook) })
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)))
                if (!OwnScopeOnly.Contains($"{type.Name}.{method.Name}"))
                    data.Add($"{type.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.Name))})");
        return data;
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task EveryRead_RefusesAUserOfAnotherRegion(string read)
    {
        var krasnoyarsk = await database.RegionIdAsync("krasnoyarsk");
        var school = await database.OrganisationIdAsync("СШ № 50", "город Красноярск");
        var stranger = TestUsers.For(Roles.Curator, krasnoyarsk, await database.MunicipalityIdAsync("город Красноярск"), school);
        var (service, method) = Find(read, stranger);
        var arguments = await ArgumentsAsync(method);

        var call = () => (Task)method.Invoke(service, arguments)!;

        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(call);
    }

    private (object Service, MethodInfo Method) Find(string read, ClaimsPrincipal user)
    {
        var typeName = read[..read.IndexOf('.')];
        var parameters = read[(read.IndexOf('(') + 1)..^1];
        object service = typeName switch
        {
            nameof(MonitoringQueries) => database.QueriesAs(user),
            nameof(CampaignDynamics) => database.DynamicsAs(user),
            nameof(Conclusions) => database.ConclusionsAs(user),
            nameof(DataQuality) => database.QualityAs(user),
            nameof(PlanProgress) => new PlanProgress(database.ScopedAs(user), database.QueriesAs(user)),
            nameof(Recommendations) => database.RecommendationsAs(user),
            nameof(PeerStandings) => new PeerStandings(database.ScopedAs(user), database.GuardAs(user)),
            nameof(TargetOutlook) => new TargetOutlook(database.QueriesAs(user), database.GuardAs(user)),
            _ => throw new ArgumentOutOfRangeException(nameof(read)),
        };
        var name = read[(read.IndexOf('.') + 1)..read.IndexOf('(')];
        var method = service.GetType().GetMethods().Single(m => m.Name == name && string.Join(", ", m.GetParameters().Select(p => p.Name)) == parameters);
        return (service, method);
    }

    /// <summary>Krasnodar's territories and latest campaign, by what each parameter is called.</summary>
    private async Task<object?[]> ArgumentsAsync(MethodInfo method)
    {
        var region = await database.RegionIdAsync("krasnodar");
        var campaign = await database.LatestCampaignIdAsync("krasnodar");
        var municipality = await database.MunicipalityIdAsync("город-курорт Анапа");
        var organisation = await database.OrganisationIdAsync("МАОУ «КШ»", "город-курорт Анапа");
        return method.GetParameters().Select(p => (p.Name, p.ParameterType) switch
        {
            (_, var t) when t == typeof(CancellationToken) => CancellationToken.None,
            ("regionId", _) => region,
            ("campaignId" or "currentCampaignId", _) => campaign,
            ("baseCampaignId", _) => null,
            ("municipalityId", _) => municipality,
            ("organisationId", _) => organisation,
            ("id", _) when method.Name.Contains("Municipality", StringComparison.Ordinal) => municipality,
            ("id", _) when method.Name.Contains("Organisation", StringComparison.Ordinal) => organisation,
            ("territory", _) => TerritoryRef.Region(region),
            ("indicatorCode", _) => Mentoring.Domain.Indicators.IndicatorCatalogue.FormTeacherTeacher,
            ("plans", _) => Array.Empty<PlanSeries>(),
            ("take", _) => 5,
            ("indicatorCodes", _) => new[] { Mentoring.Domain.Indicators.IndicatorCatalogue.FormTeacherTeacher },
            _ when p.HasDefaultValue => p.DefaultValue,
            _ => throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name}: no Krasnodar value for «{p.Name}» — add one here."),
        }).ToArray();
    }
}
