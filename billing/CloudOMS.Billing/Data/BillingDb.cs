using CloudOMS.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CloudOMS.Billing.Data;

/// <summary>Subscriptions, invoices and processed provider events of every tenant.</summary>
public class BillingDb(DbContextOptions<BillingDb> options) : DbContext(options)
{
    /// <summary>On PostgreSQL billing has a schema of its own beside identity, grains and the read model.</summary>
    public const string PostgresSchema = "billing";

    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
        StoredInstants.Configure(builder, Database);
        // SQLite cannot compare or sum TEXT money: money as cents.
        if (!Database.IsNpgsql()) builder.Properties<decimal>().HaveConversion<Cents>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        if (Database.IsNpgsql()) model.HasDefaultSchema(PostgresSchema);
        model.Entity<Subscription>(e =>
        {
            e.HasKey(s => s.TenantId);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        model.Entity<Invoice>(e =>
        {
            e.HasKey(i => i.Id);
            e.HasIndex(i => new { i.TenantId, i.IssuedAt });
            e.HasIndex(i => i.Reference).IsUnique();
            e.HasIndex(i => i.Number).IsUnique();
            e.HasIndex(i => i.StripeInvoiceId);
            e.Property(i => i.Amount).HasPrecision(12, 2);
        });
        model.Entity<ProcessedEvent>().HasKey(e => e.EventId);
    }

    private sealed class Cents() : ValueConverter<decimal, long>(value => (long)decimal.Round(value * 100), value => value / 100m);

    /// <summary>Writes an instant at offset zero, as Npgsql requires for timestamptz.</summary>
}
