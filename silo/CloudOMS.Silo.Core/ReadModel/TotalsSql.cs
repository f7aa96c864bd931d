using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudOMS.Silo.ReadModel;

/// <summary>
/// Writes a <see cref="TotalsDelta"/> in the caller's transaction. Sums change by atomic upserts that add the
/// difference in the database (INSERT ... ON CONFLICT DO UPDATE SET x = x + excluded.x, the same on SQLite and
/// PostgreSQL), so nothing is read first and no writer can lose another's change. Table and column names come
/// from the EF model.
/// </summary>
internal static class TotalsSql
{
    private const int RowsPerStatement = 100;
    private const int PhonesPerStatement = 200;

    public static async Task Apply(ReadModelDbContext db, TotalsDelta delta, CancellationToken ct)
    {
        await Add(db, delta.OrderDays, ct);
        await Add(db, delta.SkuDays, ct);
        var customers = delta.CustomerDays;
        await Add(db, customers, ct);
        foreach (var tenant in customers.GroupBy(c => c.TenantId))
        foreach (var phones in tenant.Select(c => c.Phone).Distinct().Chunk(PhonesPerStatement))
            await RefreshRecency(db, tenant.Key, phones, ct);
    }

    /// <summary>Adds each row's sums to the row with its key, creating it when there is none.</summary>
    private static async Task Add<TRow>(ReadModelDbContext db, IReadOnlyList<TRow> rows, CancellationToken ct) where TRow : class
    {
        if (rows.Count == 0) return;
        var table = new Names(db, typeof(TRow));
        var keys = table.Entity.FindPrimaryKey()!.Properties;
        var sums = table.Entity.GetProperties().Except(keys).ToList();
        var columns = keys.Concat(sums).ToList();
        var update = string.Join(", ", sums.Select(s => $"{table[s]} = t.{table[s]} + excluded.{table[s]}"));
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var values = new List<object>(chunk.Length * columns.Count);
            var tuples = chunk.Select(row => "(" + string.Join(", ", columns.Select(c =>
            {
                values.Add(c.GetGetter().GetClrValue(row)!);
                return $"{{{values.Count - 1}}}";
            })) + ")").ToList();
            var sql = $"INSERT INTO {table.Table} AS t ({string.Join(", ", columns.Select(c => table[c]))}) VALUES {string.Join(", ", tuples)} " +
                      $"ON CONFLICT ({string.Join(", ", keys.Select(k => table[k]))}) DO UPDATE SET {update}";
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    /// <summary>
    /// Recomputes the customers' latest two sale days in every scope from their day rows: the latest day with
    /// orders, and the day before it (the same day when it had two orders or more).
    /// </summary>
    private static async Task RefreshRecency(ReadModelDbContext db, string tenantId, string[] phones, CancellationToken ct)
    {
        var recency = new Names(db, typeof(CustomerRecencyRow));
        var days = new Names(db, typeof(CustomerDayRow));
        var (tenant, phone, scope) = (days[nameof(CustomerDayRow.TenantId)], days[nameof(CustomerDayRow.Phone)], days[nameof(CustomerDayRow.Scope)]);
        var (day, orders) = (days[nameof(CustomerDayRow.Day)], days[nameof(CustomerDayRow.Orders)]);
        object[] values = [tenantId, .. phones];
        var phoneList = string.Join(", ", phones.Select((_, i) => $"{{{i + 1}}}"));
        // Names come from the model and every value is a parameter: nothing from outside is spliced in.
        var delete = $"DELETE FROM {recency.Table} WHERE {recency[nameof(CustomerRecencyRow.TenantId)]} = {{0}} AND {recency[nameof(CustomerRecencyRow.Phone)]} IN ({phoneList})";
        var insert =
            $"INSERT INTO {recency.Table} ({recency[nameof(CustomerRecencyRow.TenantId)]}, {recency[nameof(CustomerRecencyRow.Phone)]}, " +
            $"{recency[nameof(CustomerRecencyRow.Scope)]}, {recency[nameof(CustomerRecencyRow.LastDay)]}, {recency[nameof(CustomerRecencyRow.PreviousDay)]}) " +
            $"SELECT {tenant}, {phone}, {scope}, MAX(CASE WHEN n = 1 THEN {day} END), MAX(CASE WHEN n = 2 OR {orders} > 1 THEN {day} END) " +
            $"FROM (SELECT {tenant}, {phone}, {scope}, {day}, {orders}, ROW_NUMBER() OVER (PARTITION BY {phone}, {scope} ORDER BY {day} DESC) AS n " +
            $"FROM {days.Table} WHERE {tenant} = {{0}} AND {phone} IN ({phoneList}) AND {orders} > 0) AS ranked " +
            $"WHERE n <= 2 GROUP BY {tenant}, {phone}, {scope}";
        await db.Database.ExecuteSqlRawAsync(delete, values, ct);
        await db.Database.ExecuteSqlRawAsync(insert, values, ct);
    }

    /// <summary>The quoted names of one row type's table and columns on the context's database.</summary>
    private sealed class Names(DbContext db, Type rowType)
    {
        private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

        public IEntityType Entity { get; } = db.Model.FindEntityType(rowType)!;

        public string Table => _sql.DelimitIdentifier(Entity.GetTableName()!, Entity.GetSchema());

        public string this[IProperty property] => _sql.DelimitIdentifier(property.GetColumnName());

        public string this[string property] => this[Entity.FindProperty(property)!];
    }
}
