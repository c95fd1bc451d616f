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
/// </summary>
public abstract class MentoringDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
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
        });
        builder.Entity<Municipality>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(200);
            e.HasIndex(m => new { m.RegionId, m.Name }).IsUnique();
            e.Ignore(m => m.Group);
        });
        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(300);
            e.HasIndex(o => new { o.MunicipalityId, o.Name }).IsUnique();
        });
        builder.Entity<Campaign>(e =>
        {
            e.Property(c => c.Title).HasMaxLength(300);
            e.HasIndex(c => new { c.RegionId, c.AsOf });
            e.Property(c => c.CollectedIndicatorCodes).HasMaxLength(2000).HasDefaultValue("");
            e.Ignore(c => c.CollectedIndicators);
            // Rounds held before data intake existed were published: closed. The app always sets the state itself.
            e.Property(c => c.State).HasDefaultValue(CampaignState.Closed).HasSentinel((CampaignState)0);
        });
        builder.Entity<Submission>(e =>
        {
            e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.CampaignId, s.OrganisationId }).IsUnique();
            e.Property(s => s.UpdatedBy).HasMaxLength(256);
            // A portable rowversion: an integer the app increments makes concurrent saves conflict on every provider.
            e.Property(s => s.Version).IsConcurrencyToken();
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
        });
        builder.Entity<PlanValue>(e =>
        {
            e.Property(p => p.IndicatorCode).HasMaxLength(40);
            e.Property(p => p.Source).HasMaxLength(300);
            e.HasIndex(p => new { p.RegionId, p.IndicatorCode, p.OrganisationKind, p.Year }).IsUnique();
        });
        builder.Entity<SavedDeck>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(200);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Municipality>().WithMany().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => d.OwnerId);
            e.HasIndex(d => d.ShareToken).IsUnique();
        });
        builder.Entity<RegionVisit>(e =>
        {
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Region>().WithMany().HasForeignKey(v => v.RegionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.UserId, v.RegionId }).IsUnique();
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
}
