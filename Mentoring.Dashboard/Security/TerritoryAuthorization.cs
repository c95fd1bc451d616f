using Microsoft.AspNetCore.Authorization;

namespace Mentoring.Dashboard.Security;

/// <summary>Requires at least the given access to a territory (resource-based authorization).</summary>
public sealed record TerritoryAccessRequirement(TerritoryAccess Minimum) : IAuthorizationRequirement
{
    public static readonly TerritoryAccessRequirement Aggregates = new(TerritoryAccess.Aggregates);
    public static readonly TerritoryAccessRequirement Detail = new(TerritoryAccess.Detail);
}

public sealed class TerritoryAuthorizationHandler : AuthorizationHandler<TerritoryAccessRequirement, TerritoryPath>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TerritoryAccessRequirement requirement, TerritoryPath resource)
    {
        if (AccessRules.For(UserScope.From(context.User), resource) >= requirement.Minimum)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Thrown by the data services when the signed-in user may not see a territory; pages answer «Нет доступа».</summary>
public sealed class TerritoryAccessDeniedException() : Exception("Access to the territory is denied.");

/// <summary>Policy names, in one place.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
}
