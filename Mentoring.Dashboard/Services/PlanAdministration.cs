using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Planning;
using Mentoring.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Services;

public sealed record PlanValueItem(int Id, Indicator Indicator, OrganisationKind? OrganisationKind, int Year, decimal Target, string Source);

/// <summary>What an administrator types for a plan value; <see cref="Id"/> is null for a new one.</summary>
public sealed record PlanValueInput(int? Id, int RegionId, string IndicatorCode, OrganisationKind? OrganisationKind, int Year, decimal Target, string Source);

/// <summary>
/// Plan values, edited by administrators only (checked here, not only by the page). Every change is validated
/// (years, 0–100 % for shares, one value per indicator, kind and year) and written to the audit log with old and new values.
/// </summary>
public sealed class PlanAdministration(ScopedDbContextFactory contextFactory, TerritoryGuard guard, AuditLog audit, IFigureChangeFeed feed)
{
    /// <summary>The column's length (MentoringDbContext).</summary>
    public const int MaxSourceLength = 300;

    public async Task<IReadOnlyList<PlanValueItem>> ListAsync(int regionId)
    {
        await DemandAdministratorAsync();
        await using var db = await contextFactory.CreateDbContextAsync();
        var rows = await db.PlanValues.AsNoTracking().Where(p => p.RegionId == regionId).ToListAsync();
        return rows.Where(p => IndicatorCatalogue.TryGet(p.IndicatorCode, out _))
            .Select(p => new PlanValueItem(p.Id, IndicatorCatalogue.Get(p.IndicatorCode), p.OrganisationKind, p.Year, p.Target, p.Source))
            .OrderBy(p => IndicatorCatalogue.All.ToList().IndexOf(p.Indicator)).ThenBy(p => p.OrganisationKind).ThenBy(p => p.Year)
            .ToList();
    }

    public async Task<OperationResult> SaveAsync(PlanValueInput input)
    {
        await DemandAdministratorAsync();
        if (!IndicatorCatalogue.TryGet(input.IndicatorCode ?? "", out var indicator))
            return OperationResult.Fail("Выберите показатель.");
        var errors = PlanValue.Validate(indicator, input.Year, input.Target).ToList();
        var source = (input.Source ?? "").Trim();
        if (source.Length == 0)
            errors.Add("Укажите источник планового значения (документ, приказ).");
        if (source.Length > MaxSourceLength)
            errors.Add($"Источник — не длиннее {MaxSourceLength} символов.");
        if (errors.Count > 0)
            return new OperationResult(errors);

        await using var db = await contextFactory.CreateDbContextAsync();
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == input.RegionId);
        if (region is null)
            return OperationResult.Fail("Регион не найден.");
        var duplicate = await db.PlanValues.AnyAsync(p => p.RegionId == input.RegionId && p.IndicatorCode == indicator.Code
            && p.OrganisationKind == input.OrganisationKind && p.Year == input.Year && p.Id != input.Id);
        if (duplicate)
            return OperationResult.Fail($"План на {input.Year} год по этому показателю уже задан — измените его вместо добавления нового.");

        string details;
        if (input.Id is { } id)
        {
            var plan = await db.PlanValues.FirstOrDefaultAsync(p => p.Id == id && p.RegionId == input.RegionId && p.IndicatorCode == indicator.Code);
            if (plan is null)
                return OperationResult.Fail("Плановое значение не найдено: возможно, его уже удалили.");
            details = $"{indicator.ShortName}: {plan.Year} г. — {Format.Number(plan.Target)} → {input.Year} г. — {Format.Number(input.Target)}";
            plan.Change(input.Year, input.Target);
        }
        else
        {
            db.PlanValues.Add(new PlanValue(region, indicator.Code, input.Year, input.Target, input.OrganisationKind, source));
            details = $"{indicator.ShortName}: добавлен план {input.Year} г. — {Format.Number(input.Target)}";
        }
        // A plan is on every round's page of the region (cards, outlook): they all reload.
        if (!await feed.TrySaveAndAnnounceAsync(db, region.Id))
            return OperationResult.Fail(DatabaseBusy.ActionMessage);
        await audit.WriteAsync(AuditActions.DataChanged, $"Плановые значения: {region.Name}", details);
        return OperationResult.Ok;
    }

    public async Task<OperationResult> DeleteAsync(int regionId, int id)
    {
        await DemandAdministratorAsync();
        await using var db = await contextFactory.CreateDbContextAsync();
        var plan = await db.PlanValues.Include(p => p.Region).FirstOrDefaultAsync(p => p.Id == id && p.RegionId == regionId);
        if (plan is null)
            return OperationResult.Fail("Плановое значение не найдено: возможно, его уже удалили.");
        db.PlanValues.Remove(plan);
        if (!await feed.TrySaveAndAnnounceAsync(db, regionId))
            return OperationResult.Fail(DatabaseBusy.ActionMessage);
        await audit.WriteAsync(AuditActions.DataChanged, $"Плановые значения: {plan.Region.Name}", $"{(IndicatorCatalogue.TryGet(plan.IndicatorCode, out var removed) ? removed.ShortName : plan.IndicatorCode)}: удалён план {plan.Year} г. — {Format.Number(plan.Target)}");
        return OperationResult.Ok;
    }

    private async Task DemandAdministratorAsync()
    {
        if (!(await guard.ScopeAsync()).IsAdministrator || !await guard.IsAccountCurrentAsync())
            throw new UnauthorizedAccessException("Only administrators, signed in as they are now, edit plan values.");
    }
}
