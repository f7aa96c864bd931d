using CloudOMS.Storage;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Silo.ReadModel;

/// <summary>
/// Lists, search, dashboards and reports read these tables, never the grains. Every tenant table is
/// filtered by <see cref="TenantId"/>; the projection, which writes for all tenants, opts out
/// explicitly with IgnoreQueryFilters.
/// </summary>
public class ReadModelDbContext(DbContextOptions<ReadModelDbContext> options) : DbContext(options)
{
    /// <summary>
    /// Bump when the projection fills rows differently (a new derived column, a fixed rule): the
    /// tables are then emptied and refilled from grain storage. Table changes are migrations.
    /// </summary>
    public const int ProjectionVersion = 4;

    public string? TenantId { get; set; }

    public DbSet<TenantRow> Tenants => Set<TenantRow>();
    public DbSet<WarehouseRow> Warehouses => Set<WarehouseRow>();
    public DbSet<SkuRow> Skus => Set<SkuRow>();
    public DbSet<StockRow> Stock => Set<StockRow>();
    public DbSet<StockMovementRow> StockMovements => Set<StockMovementRow>();
    public DbSet<OrderRow> Orders => Set<OrderRow>();
    public DbSet<OrderLineRow> OrderLines => Set<OrderLineRow>();
    public DbSet<OrderDayTotalRow> OrderDayTotals => Set<OrderDayTotalRow>();
    public DbSet<SkuDayTotalRow> SkuDayTotals => Set<SkuDayTotalRow>();
    public DbSet<CustomerDayRow> CustomerDays => Set<CustomerDayRow>();
    public DbSet<CustomerRecencyRow> CustomerRecency => Set<CustomerRecencyRow>();
    public DbSet<ProjectionCheckpoint> Checkpoints => Set<ProjectionCheckpoint>();
    public DbSet<QuarantinedChangeRow> Quarantine => Set<QuarantinedChangeRow>();

    /// <summary>
    /// Saves, and in the same transaction moves the totals by what the saved order and line rows changed
    /// (<see cref="TotalsDelta"/>): the totals always equal a recount of the rows, whoever writes them. Bulk
    /// ExecuteUpdate/ExecuteDelete on orders bypasses this and must keep the totals itself.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var totals = TotalsDelta.Of(ChangeTracker);
        if (totals.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        if (owned is not null) await ReadModelSchema.TakeWriterLock(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        await TotalsSql.Apply(this, totals, cancellationToken);
        if (owned is not null) await owned.CommitAsync(cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    /// <summary>Order rows are saved asynchronously only, where their totals are kept.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => TotalsDelta.Of(ChangeTracker).IsEmpty
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new NotSupportedException("Order rows are saved with SaveChangesAsync, which keeps the dashboard totals.");

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        StoredInstants.Configure(builder, Database);
        // SQLite has no decimal type: store numbers it can sort, sum and compare.
        if (Database.IsSqlite()) builder.Properties<decimal>().HaveConversion<double>();
    }

    /// <summary>On PostgreSQL the read model has a schema of its own beside the grain and identity tables.</summary>
    public const string PostgresSchema = "readmodel";

    protected override void OnModelCreating(ModelBuilder model)
    {
        if (Database.IsNpgsql()) model.HasDefaultSchema(PostgresSchema);
        model.Entity<TenantRow>().HasKey(t => t.TenantId);
        model.Entity<ProjectionCheckpoint>().HasKey(c => c.Name);
        model.Entity<QuarantinedChangeRow>(e =>
        {
            e.HasKey(q => new { q.StateName, q.GrainKey });
            e.HasIndex(q => q.TenantId);
        });

        model.Entity<WarehouseRow>(e =>
        {
            e.HasKey(w => new { w.TenantId, w.Code });
            e.HasQueryFilter(w => w.TenantId == TenantId);
        });
        model.Entity<SkuRow>(e =>
        {
            e.HasKey(s => new { s.TenantId, s.Code });
            e.HasIndex(s => new { s.TenantId, s.Barcode });
            e.HasIndex(s => new { s.TenantId, s.Name });
            e.HasQueryFilter(s => s.TenantId == TenantId);
        });
        model.Entity<StockRow>(e =>
        {
            e.HasKey(s => new { s.TenantId, s.SkuCode, s.WarehouseCode });
            e.HasQueryFilter(s => s.TenantId == TenantId);
        });
        model.Entity<StockMovementRow>(e =>
        {
            // Operation ids are the callers' (an Idempotency-Key): unique per SKU, as the SKU grain records them.
            e.HasKey(m => new { m.TenantId, m.SkuCode, m.OperationId });
            e.HasIndex(m => new { m.TenantId, m.SkuCode, m.At });
            e.HasQueryFilter(m => m.TenantId == TenantId);
        });
        model.Entity<OrderRow>(e =>
        {
            e.HasKey(o => new { o.TenantId, o.OrderId });
            e.HasIndex(o => new { o.TenantId, o.CreatedAt });
            // Made for the dashboard's former counting (it now reads the totals below); the order list still counts
            // pages filtered by warehouse or channel from this index alone, without reading rows.
            e.HasIndex(o => new { o.TenantId, o.CreatedOn, o.Status, o.Channel, o.Warehouse, o.Phone, o.Total, o.ProcessingMinutes });
            e.HasIndex(o => new { o.TenantId, o.Status, o.CreatedAt });
            e.HasIndex(o => new { o.TenantId, o.Hold });
            e.HasIndex(o => new { o.TenantId, o.SagaPending });
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => new { l.TenantId, l.OrderId });
            e.HasQueryFilter(o => o.TenantId == TenantId);
        });
        model.Entity<OrderLineRow>(e =>
        {
            e.HasKey(l => new { l.TenantId, l.OrderId, l.LineNo });
            e.HasIndex(l => new { l.TenantId, l.SkuCode });
            // Made for the dashboard's former per-SKU counting, which now reads SkuDayTotals.
            e.HasIndex(l => new { l.TenantId, l.CreatedOn, l.Status, l.Warehouse, l.SkuCode, l.Quantity });
            e.HasQueryFilter(l => l.TenantId == TenantId);
        });
        model.Entity<OrderDayTotalRow>(e =>
        {
            e.HasKey(t => new { t.TenantId, t.Day, t.Status, t.Channel, t.Warehouse });
            e.HasQueryFilter(t => t.TenantId == TenantId);
        });
        model.Entity<SkuDayTotalRow>(e =>
        {
            e.HasKey(t => new { t.TenantId, t.Day, t.Status, t.Warehouse, t.SkuCode });
            e.HasQueryFilter(t => t.TenantId == TenantId);
        });
        model.Entity<CustomerDayRow>(e =>
        {
            // Phone before scope and day: a customer's rows are read together to find their latest two days.
            e.HasKey(c => new { c.TenantId, c.Phone, c.Scope, c.Day });
            e.HasQueryFilter(c => c.TenantId == TenantId);
        });
        model.Entity<CustomerRecencyRow>(e =>
        {
            e.HasKey(c => new { c.TenantId, c.Phone, c.Scope });
            // Covers the repeat-purchase figure: the customers of a scope who bought since a day.
            e.HasIndex(c => new { c.TenantId, c.Scope, c.LastDay, c.Phone, c.PreviousDay });
            e.HasQueryFilter(c => c.TenantId == TenantId);
        });
    }
}
