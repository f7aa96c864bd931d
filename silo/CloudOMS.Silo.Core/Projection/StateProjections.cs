using System.Text.Json;
using CloudOMS.Grains;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Silo.Projection;

/// <summary>
/// Upserts the rows of stored grain states, "only if newer" by the storage version, so applying the same change
/// twice (live and again in catch-up) is harmless. A batch is applied as a late projection would see it: only the
/// newest version of each grain's state (a hot SKU written by 200 orders in the batch is projected once), with the
/// rows its orders and SKUs touch loaded in one query per kind and company instead of one per change.
/// </summary>
internal static class StateProjections
{
    /// <summary>One stored state of one grain: its company and id within it, read from the key.</summary>
    internal sealed record Change(string TenantId, string Id, StoredState State);

    public static Task Apply(ReadModelDbContext db, StoredState change, CancellationToken ct) => ApplyAll(db, [change], ct);

    public static async Task ApplyAll(ReadModelDbContext db, IReadOnlyList<StoredState> batch, CancellationToken ct)
    {
        var latest = Latest(batch).ToLookup(c => c.State.StateName);
        await OrderProjection.Apply(db, [.. latest[StorageNames.Order]], ct);
        await SkuProjection.Apply(db, [.. latest[StorageNames.Sku]], ct);
        foreach (var change in latest[StorageNames.Warehouse])
            await Warehouse(db, change.TenantId, change.Id, change.State.Version, Read<WarehouseState>(change.State)?.Info, ct);
        foreach (var change in latest[StorageNames.Tenant])
            await Tenant(db, change.TenantId, change.State.Version, Read<TenantState>(change.State)?.Profile, ct);
    }

    /// <summary>The newest version of each grain's state in the batch; states of keys that name no company are skipped.</summary>
    private static IEnumerable<Change> Latest(IReadOnlyList<StoredState> batch) =>
        batch.GroupBy(c => (c.StateName, c.GrainKey))
            .Select(g => g.MaxBy(c => c.Version)!)
            .Select(c => GrainKeys.TryParse(c.GrainKey, out var tenantId, out _, out var id) ? new Change(tenantId, id, c) : null)
            .OfType<Change>();

    /// <summary>
    /// Decides for the row of a key as loaded (null when there is none): older or same version → null (skip); state
    /// gone → remove the row, null; otherwise the row to fill (added when new), stamped with the version.
    /// </summary>
    internal static TRow? Upsert<TRow>(DbSet<TRow> set, TRow? row, int version, bool exists, Func<TRow> create)
        where TRow : class, IVersionedRow
    {
        if (row is not null && row.Version >= version) return null;
        if (!exists)
        {
            if (row is not null) set.Remove(row);
            return null;
        }
        if (row is null) set.Add(row = create());
        row.Version = version;
        return row;
    }

    internal static T? Read<T>(StoredState change) where T : class =>
        change.Payload is null ? null : JsonSerializer.Deserialize<T>(change.Payload, StateSerializer.Options);

    /// <summary>
    /// The rows the changes touch, by (company, key), loaded with one query per company: <paramref name="query"/>
    /// gives a company's rows among the ids.
    /// </summary>
    internal static async Task<ILookup<(string, string), TRow>> Load<TRow>(IEnumerable<Change> changes,
        Func<string, List<string>, IQueryable<TRow>> query, Func<TRow, (string, string)> key, CancellationToken ct)
    {
        var rows = new List<TRow>();
        foreach (var tenant in changes.GroupBy(c => c.TenantId))
            rows.AddRange(await query(tenant.Key, [.. tenant.Select(c => c.Id).Distinct()]).ToListAsync(ct));
        return rows.ToLookup(key);
    }

    /// <summary>
    /// Movement rows not recorded yet: those of <paramref name="moves"/> whose (SKU, operation) is neither in the
    /// database nor added earlier in this batch.
    /// </summary>
    internal static async Task AddMissingMovements(ReadModelDbContext db, IReadOnlyList<StockMovementRow> moves, CancellationToken ct)
    {
        foreach (var tenant in moves.GroupBy(m => m.TenantId))
        {
            var (skus, ids) = (tenant.Select(m => m.SkuCode).Distinct().ToList(), tenant.Select(m => m.OperationId).Distinct().ToList());
            var known = (await db.StockMovements.IgnoreQueryFilters()
                    .Where(m => m.TenantId == tenant.Key && skus.Contains(m.SkuCode) && ids.Contains(m.OperationId))
                    .Select(m => new { m.SkuCode, m.OperationId }).ToListAsync(ct))
                .Select(m => (m.SkuCode, m.OperationId))
                .Concat(db.StockMovements.Local.Where(m => m.TenantId == tenant.Key).Select(m => (m.SkuCode, m.OperationId)))
                .ToHashSet();
            foreach (var move in tenant.Where(m => known.Add((m.SkuCode, m.OperationId))))
                db.StockMovements.Add(move);
        }
    }

    private static async Task Warehouse(ReadModelDbContext db, string tenantId, string code, int version, WarehouseInfo? info, CancellationToken ct)
    {
        var existing = await db.Warehouses.IgnoreQueryFilters().FirstOrDefaultAsync(w => w.TenantId == tenantId && w.Code == code, ct);
        var row = Upsert(db.Warehouses, existing, version, info is not null, () => new WarehouseRow { TenantId = tenantId, Code = code });
        if (row is null || info is null) return;
        row.Name = info.Name;
        row.Province = info.Province;
        row.City = info.City;
        row.Address = info.Address;
        row.Priority = info.Priority;
        row.Active = info.Active;
    }

    private static async Task Tenant(ReadModelDbContext db, string tenantId, int version, TenantProfile? profile, CancellationToken ct)
    {
        var existing = await db.Tenants.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.TenantId == tenantId, ct);
        var row = Upsert(db.Tenants, existing, version, profile is not null, () => new TenantRow { TenantId = tenantId });
        if (row is null || profile is null) return;
        row.Name = profile.Name;
        row.Plan = profile.Plan;
        row.CreatedAt = profile.CreatedAt;
    }
}
