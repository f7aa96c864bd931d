using Npgsql;

namespace CloudOMS.PlainOrders;

/// <summary>
/// Orders and stock in three tables. An order is one transaction: the order row, its lines and a conditional
/// <c>UPDATE ... WHERE on_hand - reserved &gt;= q</c> per line (in SKU order), sent as one batch and committed only when
/// every line was reserved. Short of stock, it is rolled back and the order is kept as short, holding nothing.
/// The client order id is the primary key: a resend finds the stored order and answers its first outcome.
/// A SKU the service has never received counts as short (nothing available), as a lookup first would cost a round trip.
/// </summary>
public sealed class OrderStore(NpgsqlDataSource data)
{
    public const string Reserved = "reserved";
    public const string Short = "short";

    public async Task CreateSchema()
    {
        await using var schema = data.CreateCommand("""
            CREATE TABLE IF NOT EXISTS plain_stock (sku text PRIMARY KEY, on_hand int NOT NULL, reserved int NOT NULL DEFAULT 0,
                                                    CHECK (reserved BETWEEN 0 AND on_hand));
            CREATE TABLE IF NOT EXISTS plain_order (client_order_id text PRIMARY KEY, status text NOT NULL, short_skus text[] NOT NULL,
                                                    customer text NOT NULL, phone text, address text, total numeric(14,2) NOT NULL,
                                                    created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS plain_line (client_order_id text NOT NULL REFERENCES plain_order, sku text NOT NULL,
                                                   quantity int NOT NULL, unit_price numeric(12,2) NOT NULL, PRIMARY KEY (client_order_id, sku));
            """);
        await schema.ExecuteNonQueryAsync();
    }

    /// <summary>Places the order; null when it was stored before (read it with <see cref="Find"/> and answer that).</summary>
    public async Task<OrderAnswer?> Place(OrderInput order)
    {
        var lines = order.Sorted();
        await using var connection = await data.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            Insert(batch, order, lines, Reserved, []);
            foreach (var line in lines)
            {
                var take = new NpgsqlBatchCommand("UPDATE plain_stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2");
                take.Parameters.Add(new() { Value = line.Sku! });
                take.Parameters.Add(new() { Value = line.Quantity });
                batch.BatchCommands.Add(take);
            }
            await batch.ExecuteNonQueryAsync();
            if (batch.BatchCommands[0].RecordsAffected == 0) return null;
            var shortSkus = lines.Where((_, i) => batch.BatchCommands[i + 2].RecordsAffected == 0).Select(l => l.Sku!).ToList();
            if (shortSkus.Count == 0)
            {
                await transaction.CommitAsync();
                return new OrderAnswer(order.ClientOrderId!, Reserved, []);
            }
            await transaction.RollbackAsync();
            await using var refused = await connection.BeginTransactionAsync();
            await using var keep = new NpgsqlBatch(connection, refused);
            Insert(keep, order, lines, Short, shortSkus);
            await keep.ExecuteNonQueryAsync();
            if (keep.BatchCommands[0].RecordsAffected == 0) return null; // a resend stored it meanwhile
            await refused.CommitAsync();
            return new OrderAnswer(order.ClientOrderId!, Short, shortSkus);
        }
    }

    private static void Insert(NpgsqlBatch batch, OrderInput order, IReadOnlyList<LineInput> lines, string status, IReadOnlyList<string> shortSkus)
    {
        var head = new NpgsqlBatchCommand("""
            INSERT INTO plain_order (client_order_id, status, short_skus, customer, phone, address, total)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
            """);
        foreach (var value in new object?[] { order.ClientOrderId, status, shortSkus.ToArray(), order.Customer!.Name, order.Customer.Phone, order.Customer.Address,
                     lines.Sum(l => l.Quantity * l.UnitPrice) })
            head.Parameters.Add(new() { Value = value ?? DBNull.Value });
        batch.BatchCommands.Add(head);
        var body = new NpgsqlBatchCommand("""
            INSERT INTO plain_line SELECT $1, s, q, p FROM unnest($2::text[], $3::int[], $4::numeric[]) AS l(s, q, p) ON CONFLICT DO NOTHING
            """);
        body.Parameters.Add(new() { Value = order.ClientOrderId! });
        body.Parameters.Add(new() { Value = lines.Select(l => l.Sku!).ToArray() });
        body.Parameters.Add(new() { Value = lines.Select(l => l.Quantity).ToArray() });
        body.Parameters.Add(new() { Value = lines.Select(l => l.UnitPrice).ToArray() });
        batch.BatchCommands.Add(body);
    }

    public async Task<StoredOrder?> Find(string clientOrderId)
    {
        await using var command = data.CreateCommand("""
            SELECT o.status, o.short_skus, l.sku, l.quantity FROM plain_order o JOIN plain_line l USING (client_order_id)
            WHERE o.client_order_id = $1 ORDER BY l.sku
            """);
        command.Parameters.Add(new() { Value = clientOrderId });
        await using var reader = await command.ExecuteReaderAsync();
        StoredOrder? order = null;
        var lines = new List<StoredLine>();
        while (await reader.ReadAsync())
        {
            order ??= new StoredOrder(clientOrderId, reader.GetString(0), reader.GetFieldValue<string[]>(1), lines);
            lines.Add(new StoredLine(reader.GetString(2), reader.GetInt32(3)));
        }
        return order;
    }

    /// <summary>Adds units to stock, creating SKUs not seen before.</summary>
    public async Task Receive(IReadOnlyList<Receipt> receipts)
    {
        await using var command = data.CreateCommand("""
            INSERT INTO plain_stock (sku, on_hand) SELECT s, q FROM unnest($1::text[], $2::int[]) AS r(s, q)
            ON CONFLICT (sku) DO UPDATE SET on_hand = plain_stock.on_hand + excluded.on_hand
            """);
        command.Parameters.Add(new() { Value = receipts.Select(r => r.Sku).ToArray() });
        command.Parameters.Add(new() { Value = receipts.Select(r => r.Quantity).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<StockLevel>> Stock()
    {
        await using var command = data.CreateCommand("SELECT sku, on_hand, reserved FROM plain_stock ORDER BY sku");
        await using var reader = await command.ExecuteReaderAsync();
        var levels = new List<StockLevel>();
        while (await reader.ReadAsync()) levels.Add(new StockLevel(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        return levels;
    }
}
