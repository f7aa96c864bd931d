using Npgsql;

namespace CloudOMS.LoadTests.Double11;

/// <summary>
/// The plain PostgreSQL design of the same shop, called directly (no HTTP): an order and its lines inserted and
/// every line's stock reserved by a conditional UPDATE in one transaction (lines in SKU order, so concurrent
/// orders cannot deadlock); a shipment moves the order and its stock in one transaction; lists and the
/// dashboard are indexed queries.
/// </summary>
public sealed class PostgresDesk(string connectionString, int connections) : IOrderDesk
{
    private readonly NpgsqlDataSource _data = new NpgsqlDataSourceBuilder(connectionString)
    {
        ConnectionStringBuilder = { MaxPoolSize = connections, NoResetOnClose = true },
    }.Build();

    public string Name => "PostgreSQL plain design";

    public async Task Prepare(Catalogue catalogue)
    {
        await using (var schema = _data.CreateCommand("""
            DROP TABLE IF EXISTS d11_line, d11_order, d11_stock;
            CREATE TABLE d11_stock (tenant int, sku text, on_hand int NOT NULL, reserved int NOT NULL, PRIMARY KEY (tenant, sku),
                                    CHECK (reserved BETWEEN 0 AND on_hand));
            CREATE TABLE d11_order (id text PRIMARY KEY, tenant int NOT NULL, status text NOT NULL, customer text NOT NULL, phone text NOT NULL,
                                    total numeric(12,2) NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX ON d11_order (tenant, created_at DESC);
            CREATE TABLE d11_line (order_id text REFERENCES d11_order, sku text NOT NULL, quantity int NOT NULL, PRIMARY KEY (order_id, sku));
            """))
            await schema.ExecuteNonQueryAsync();
        await using var insert = _data.CreateCommand("INSERT INTO d11_stock SELECT t, s, $3, 0 FROM generate_series(0, $1 - 1) t, unnest($2::text[]) s");
        insert.Parameters.Add(new() { Value = catalogue.Tenants });
        insert.Parameters.Add(new() { Value = catalogue.Skus.ToArray() });
        insert.Parameters.Add(new() { Value = catalogue.Stock });
        await insert.ExecuteNonQueryAsync();
    }

    public async Task<Placed> PlaceAndReserve(int tenant, long index, IReadOnlyList<Want> lines, Action<string> idKnown)
    {
        var orderId = $"P{tenant:D2}{index:D10}";
        idKnown(orderId);
        var sorted = lines.OrderBy(l => l.Sku, StringComparer.Ordinal).ToList();
        await using var connection = await _data.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertOrder(connection, transaction, tenant, index, orderId, "Approved", sorted);
            var reserved = true;
            foreach (var line in sorted)
            {
                await using var take = new NpgsqlCommand(
                    "UPDATE d11_stock SET reserved = reserved + $3 WHERE tenant = $1 AND sku = $2 AND on_hand - reserved >= $3", connection, transaction);
                take.Parameters.Add(new() { Value = tenant });
                take.Parameters.Add(new() { Value = line.Sku });
                take.Parameters.Add(new() { Value = line.Quantity });
                if (await take.ExecuteNonQueryAsync() == 1) continue;
                reserved = false;
                break;
            }
            if (reserved)
            {
                await transaction.CommitAsync();
                return new Placed(orderId, true);
            }
            await transaction.RollbackAsync();
        }
        // Short of stock: the order is kept, waiting for review, and holds nothing.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertOrder(connection, transaction, tenant, index, orderId, "PendingReview", sorted);
            await transaction.CommitAsync();
        }
        return new Placed(orderId, false);
    }

    private static async Task InsertOrder(NpgsqlConnection connection, NpgsqlTransaction transaction, int tenant, long index, string orderId, string status, IReadOnlyList<Want> lines)
    {
        var customer = index % 50_000;
        await using var batch = new NpgsqlBatch(connection, transaction);
        var order = new NpgsqlBatchCommand("INSERT INTO d11_order (id, tenant, status, customer, phone, total) VALUES ($1, $2, $3, $4, $5, $6)");
        foreach (var value in new object[] { orderId, tenant, status, $"客户{customer:D5}", $"139{customer:D8}", lines.Sum(l => l.Quantity * 59m) })
            order.Parameters.Add(new() { Value = value });
        batch.BatchCommands.Add(order);
        var insertLines = new NpgsqlBatchCommand("INSERT INTO d11_line SELECT $1, s, q FROM unnest($2::text[], $3::int[]) AS l(s, q)");
        insertLines.Parameters.Add(new() { Value = orderId });
        insertLines.Parameters.Add(new() { Value = lines.Select(l => l.Sku).ToArray() });
        insertLines.Parameters.Add(new() { Value = lines.Select(l => l.Quantity).ToArray() });
        batch.BatchCommands.Add(insertLines);
        await batch.ExecuteNonQueryAsync();
    }

    public async Task Ship(int tenant, string orderId)
    {
        await using var connection = await _data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var status = new NpgsqlCommand("UPDATE d11_order SET status = 'Shipped' WHERE id = $1 AND status = 'Approved'", connection, transaction);
        status.Parameters.Add(new() { Value = orderId });
        if (await status.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException($"order {orderId} is not reserved");
        // Stock rows are locked in SKU order, as reservations take them, so the two cannot deadlock.
        await using var stock = new NpgsqlCommand("""
            WITH locked AS (SELECT s.sku, l.quantity FROM d11_stock s JOIN d11_line l ON l.sku = s.sku
                            WHERE l.order_id = $1 AND s.tenant = $2 ORDER BY s.sku FOR UPDATE OF s)
            UPDATE d11_stock s SET on_hand = on_hand - locked.quantity, reserved = reserved - locked.quantity
            FROM locked WHERE s.tenant = $2 AND s.sku = locked.sku
            """, connection, transaction);
        stock.Parameters.Add(new() { Value = orderId });
        stock.Parameters.Add(new() { Value = tenant });
        await stock.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async Task List(int tenant)
    {
        await using var command = _data.CreateCommand("SELECT id, status, customer, total, created_at FROM d11_order WHERE tenant = $1 ORDER BY created_at DESC LIMIT 20");
        command.Parameters.Add(new() { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    public async Task Dashboard(int tenant)
    {
        await using var command = _data.CreateCommand("""
            SELECT date_trunc('day', created_at), status, count(*), sum(total) FROM d11_order
            WHERE tenant = $1 AND created_at >= now() - interval '7 days' GROUP BY 1, 2
            """);
        command.Parameters.Add(new() { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    public async Task<StoredOrder?> Read(int tenant, string orderId)
    {
        await using var command = _data.CreateCommand("SELECT o.status, l.sku, l.quantity FROM d11_order o JOIN d11_line l ON l.order_id = o.id WHERE o.id = $1");
        command.Parameters.Add(new() { Value = orderId });
        await using var reader = await command.ExecuteReaderAsync();
        string? status = null;
        var lines = new List<Want>();
        while (await reader.ReadAsync())
        {
            status = reader.GetString(0);
            lines.Add(new Want(reader.GetString(1), reader.GetInt32(2)));
        }
        return status is null ? null : new StoredOrder(orderId, status, lines);
    }

    public async Task<IReadOnlyList<StoredLevel>> Stock(int tenant)
    {
        await using var command = _data.CreateCommand("SELECT sku, on_hand, reserved FROM d11_stock WHERE tenant = $1");
        command.Parameters.Add(new() { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync();
        var levels = new List<StoredLevel>();
        while (await reader.ReadAsync()) levels.Add(new StoredLevel(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        return levels;
    }

    public ValueTask DisposeAsync() => _data.DisposeAsync();
}
