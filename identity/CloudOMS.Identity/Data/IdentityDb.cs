using CloudOMS.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Data;

/// <summary>Users (ASP.NET Core Identity), OpenIddict's applications and tokens, tenants, roles, API clients and the audit log.</summary>
public class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<OmsUser>(options), IDataProtectionKeyContext
{
    /// <summary>The data protection key ring, used when the database is shared (PostgreSQL); SQLite keeps it in files.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<TenantAccount> Tenants => Set<TenantAccount>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<TenantRole> TenantRoles => Set<TenantRole>();
    public DbSet<MembershipRole> MembershipRoles => Set<MembershipRole>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        StoredInstants.Configure(builder, Database);
    }

    /// <summary>On PostgreSQL identity has a schema of its own beside the grain and read-model tables.</summary>
    public const string PostgresSchema = "identity";

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        if (Database.IsNpgsql()) model.HasDefaultSchema(PostgresSchema);
        model.UseOpenIddict();
        model.Entity<TenantAccount>().HasKey(t => t.Id);
        model.Entity<Membership>(e =>
        {
            e.HasKey(m => new { m.TenantId, m.UserId });
            e.HasIndex(m => m.UserId);
            e.HasMany(m => m.Roles).WithOne().HasForeignKey(r => new { r.TenantId, r.UserId });
        });
        model.Entity<TenantRole>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.TenantId, r.Name }).IsUnique();
        });
        model.Entity<MembershipRole>().HasKey(r => new { r.TenantId, r.UserId, r.RoleId });
        model.Entity<ApiClient>(e =>
        {
            e.HasKey(c => c.ClientId);
            e.HasIndex(c => c.TenantId);
        });
        model.Entity<Invitation>(e =>
        {
            e.HasKey(i => i.Id);
            e.HasIndex(i => i.TokenHash).IsUnique();
        });
        model.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.TenantId, a.At });
        });
    }
}

/// <summary>Writes an instant at offset zero, as Npgsql requires for timestamptz.</summary>
