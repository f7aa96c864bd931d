using CloudOMS.LoadTests.Engine;
using Npgsql;

namespace CloudOMS.LoadTests.FlashSale;

/// <summary>
/// The plain PostgreSQL design: per reservation one transaction with a conditional
/// <c>UPDATE ... SET reserved = reserved + q WHERE ... AND on_hand - reserved &gt;= q</c> and, when it took stock,
/// a reservation row. Written as one statement (a data-modifying CTE) so each reservation is one round trip.
/// </summary>
public sealed class PostgresReservations(string connectionString, int connections) : IReservationSystem
{
    private const string Sku = "HOT-1";
    private readonly NpgsqlDataSource _data = new NpgsqlDataSourceBuilder(connectionString)
    {
        ConnectionStringBuilder = { MaxPoolSize = connections, MinPoolSize = connections, NoResetOnClose = true },
    }.Build();

    public string Name => "PostgreSQL UPDATE + row";

    public async Task Prepare(int stock)
    {
        await using var command = _data.CreateCommand("""
            DROP TABLE IF EXISTS flash_reservation, flash_stock;
            CREATE TABLE flash_stock (sku text PRIMARY KEY, on_hand int NOT NULL, reserved int NOT NULL, CHECK (reserved BETWEEN 0 AND on_hand));
            CREATE TABLE flash_reservation (order_id text PRIMARY KEY, sku text NOT NULL REFERENCES flash_stock, quantity int NOT NULL,
                                            reserved_at timestamptz NOT NULL DEFAULT now());
            """);
        await command.ExecuteNonQueryAsync();
        await using var insert = _data.CreateCommand("INSERT INTO flash_stock VALUES ($1, $2, 0)");
        insert.Parameters.Add(new() { Value = Sku });
        insert.Parameters.Add(new() { Value = stock });
        await insert.ExecuteNonQueryAsync();
    }

    public async Task<Outcome> Reserve(long index)
    {
        await using var command = _data.CreateCommand("""
            WITH taken AS (UPDATE flash_stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2 RETURNING sku)
            INSERT INTO flash_reservation (order_id, sku, quantity) SELECT $3, sku, $2 FROM taken
            """);
        command.Parameters.Add(new() { Value = Sku });
        command.Parameters.Add(new() { Value = 1 });
        command.Parameters.Add(new() { Value = $"o{index}" });
        return await command.ExecuteNonQueryAsync() == 1 ? Outcome.Ok : Outcome.Refusal;
    }

    public async Task<IReadOnlyList<long>> Settle(IReadOnlyList<long> unknown) =>
        [.. (await Found(unknown)).Select(id => long.Parse(id.AsSpan(1)))];

    public async Task<StoredStock> ReadStored(IReadOnlyList<long> granted)
    {
        await using var command = _data.CreateCommand("SELECT reserved, on_hand FROM flash_stock WHERE sku = $1");
        command.Parameters.Add(new() { Value = Sku });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (reserved, onHand) = (reader.GetInt32(0), reader.GetInt32(1));
        await reader.DisposeAsync();
        await using var count = _data.CreateCommand("SELECT COALESCE(SUM(quantity), 0) FROM flash_reservation");
        var records = Convert.ToInt64(await count.ExecuteScalarAsync());
        return new StoredStock(reserved, onHand, records, (await Found(granted)).Count);
    }

    private async Task<List<string>> Found(IReadOnlyList<long> indexes)
    {
        await using var command = _data.CreateCommand("SELECT order_id FROM flash_reservation WHERE order_id = ANY($1)");
        command.Parameters.Add(new() { Value = indexes.Select(i => $"o{i}").ToArray() });
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetString(0));
        return found;
    }

    public ValueTask DisposeAsync() => _data.DisposeAsync();
}
