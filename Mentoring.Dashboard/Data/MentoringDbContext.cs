using Mentoring.Dashboard.Security;
using Mentoring.Domain.Monitoring;
using Mentoring.Domain.Planning;
using Mentoring.Domain.Territories;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// The dashboard's data. Abstract because each database provider has its own migrations, found by the provider's
/// subclass (<see cref="SqliteMentoringDbContext"/>, <see cref="PostgreSqlMentoringDbContext"/>); the app and its
/// services only ever see this type. <see cref="MentoringDatabase"/> makes the right one.
/// <para>
/// Every table of a region's data carries a query filter of the regions this context may read, and every save refuses
/// a row of another region (<see cref="LimitTo"/>). A new context reads and saves none of them: the data services get
/// theirs from <see cref="ScopedDbContextFactory"/>, which limits each to the signed-in user's regions, and only the
/// data layer's own work — start-up, seeding, the change feed's catch-up, the command line — asks for every region,
/// by name (<see cref="MentoringDatabase.EveryRegion"/>). So a query that forgets the territory check
/// cannot reach another region, and a service handed an unscoped context reads nothing at all.
/// </para>
/// </summary>
public abstract class MentoringDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    // Read by the query filters as parameters of each query, so one compiled model serves every user. Until
    // LimitTo is called: no region.
    private bool everyRegion;
    private int[] regionIds = [];

    /// <summary>From now on this context reads, and saves, only the filter's regions.</summary>
    public void LimitTo(RegionFilter filter) => (everyRegion, regionIds) = (filter.EveryRegion, filter.Ids);

    /// <summary>Whether the context may read and write the region's rows.</summary>
    public bool Reaches(int regionId) => everyRegion || regionIds.Contains(regionId);

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PlanValue> PlanValues => Set<PlanValue>();
    public DbSet<SavedDeck> SavedDecks => Set<SavedDeck>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<RegionVisit> RegionVisits => Set<RegionVisit>();
    public DbSet<SourceStatement> SourceStatements => Set<SourceStatement>();
    public DbSet<CampaignVersion> CampaignVersions => Set<CampaignVersion>();

    /// <summary>The cookie and antiforgery keys, shared by every instance of the dashboard on the same database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Region>(e =>
        {
            e.HasIndex(r => r.Code).IsUnique();
            e.Property(r => r.Code).HasMaxLength(40);
            e.Property(r => r.Name).HasMaxLength(200);
            e.HasQueryFilter(r => everyRegion || regionIds.Contains(r.Id));
        });
        builder.Entity<Municipality>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(200);
            e.HasIndex(m => new { m.RegionId, m.Name }).IsUnique();
            e.Ignore(m => m.Group);
            e.HasQueryFilter(m => everyRegion || regionIds.Contains(m.RegionId));
        });
        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(300);
            e.HasIndex(o => new { o.MunicipalityId, o.Name }).IsUnique();
            e.HasQueryFilter(o => everyRegion || regionIds.Contains(o.Municipality.RegionId));
        });
        builder.Entity<Campaign>(e =>
        {
            e.Property(c => c.Title).HasMaxLength(300);
            e.HasIndex(c => new { c.RegionId, c.AsOf });
            e.Property(c => c.CollectedIndicatorCodes).HasMaxLength(2000).HasDefaultValue("");
            e.Ignore(c => c.CollectedIndicators);
            // Rounds held before data intake existed were published: closed. The app always sets the state itself.
            e.Property(c => c.State).HasDefaultValue(CampaignState.Closed).HasSentinel((CampaignState)0);
            e.HasQueryFilter(c => everyRegion || regionIds.Contains(c.RegionId));
        });
        builder.Entity<CampaignVersion>(e =>
        {
            e.HasKey(v => v.CampaignId);
            e.HasOne<Campaign>().WithOne().HasForeignKey<CampaignVersion>(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(v => everyRegion || Campaigns.Any(c => c.Id == v.CampaignId));
        });
        builder.Entity<Submission>(e =>
        {
            e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.CampaignId, s.OrganisationId }).IsUnique();
            e.Property(s => s.UpdatedBy).HasMaxLength(256);
            // A portable rowversion: an integer the app increments makes concurrent saves conflict on every provider.
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasQueryFilter(s => everyRegion || Campaigns.Any(c => c.Id == s.CampaignId));
        });
        builder.Entity<Observation>(e =>
        {
            e.Property(o => o.IndicatorCode).HasMaxLength(40);
            e.Property(o => o.Source).HasMaxLength(300);
            e.Ignore(o => o.Figure);
            e.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Municipality).WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Organisation).WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            // The aggregation queries filter by campaign and indicator, then group by territory.
            e.HasIndex(o => new { o.CampaignId, o.IndicatorCode, o.Level, o.MunicipalityId });
            e.HasIndex(o => new { o.CampaignId, o.OrganisationId });
            e.HasQueryFilter(o => everyRegion || regionIds.Contains(o.RegionId));
        });
        builder.Entity<PlanValue>(e =>
        {
            e.Property(p => p.IndicatorCode).HasMaxLength(40);
            e.Property(p => p.Source).HasMaxLength(300);
            e.HasIndex(p => new { p.RegionId, p.IndicatorCode, p.OrganisationKind, p.Year }).IsUnique();
            e.HasQueryFilter(p => everyRegion || regionIds.Contains(p.RegionId));
        });
        builder.Entity<SavedDeck>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(200);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Municipality>().WithMany().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => d.OwnerId);
            e.HasIndex(d => d.ShareToken).IsUnique();
            e.HasQueryFilter(d => everyRegion || regionIds.Contains(d.RegionId));
        });
        builder.Entity<RegionVisit>(e =>
        {
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Region>().WithMany().HasForeignKey(v => v.RegionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.UserId, v.Level, v.TerritoryId, v.Day }).IsUnique();
            // The defaults the columns were added with (every visit sets them): the rows before were all of region pages.
            e.Property(v => v.Level).HasDefaultValue(ObservationLevel.Region).HasSentinel(ObservationLevel.Region);
            e.Property(v => v.TerritoryId).HasDefaultValue(0);
            e.Property(v => v.Day).HasDefaultValue(DateOnly.MinValue);
            e.HasQueryFilter(v => everyRegion || regionIds.Contains(v.RegionId));
        });
        builder.Entity<SourceStatement>(e =>
        {
            e.Property(s => s.Quote).HasMaxLength(1000);
            e.Property(s => s.Where).HasMaxLength(200);
            e.Property(s => s.IndicatorCode).HasMaxLength(40);
            e.HasOne(s => s.Campaign).WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Municipality).WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.CampaignId);
            e.HasQueryFilter(s => everyRegion || regionIds.Contains(s.RegionId));
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.Target).HasMaxLength(300);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.HasIndex(a => new { a.Action, a.Id });
        });
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await DemandWritesInScopeAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        DemandWritesInScopeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Refuses the save when a row it adds, changes or deletes belongs to a region this context may not reach.</summary>
    private async Task DemandWritesInScopeAsync(CancellationToken ct)
    {
        if (everyRegion)
            return;
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var inScope = entry.Entity switch
            {
                Region r => Reaches(r.Id),
                // An account's territory binds it, it is not a region's data: accounts are an administrator's (UserAdministration).
                ApplicationUser => true,
                // These two know their region through a parent; the parent is looked up through this context's filters.
                Organisation o => await Municipalities.AnyAsync(m => m.Id == o.MunicipalityId, ct),
                Submission s => await Campaigns.AnyAsync(c => c.Id == s.CampaignId, ct),
                _ => entry.Metadata.FindProperty(nameof(Observation.RegionId)) is not { } region
                     || (Reaches((int)entry.Property(region.Name).CurrentValue!) && Reaches((int)entry.Property(region.Name).OriginalValue!)),
            };
            if (!inScope)
                throw new TerritoryAccessDeniedException();
        }
    }
}
