using CloudOMS.LoadTests.Engine;
using CloudOMS.LoadTests.Infrastructure;
using StackExchange.Redis;

namespace CloudOMS.LoadTests.FlashSale;

/// <summary>
/// The usual flash-sale design: stock in Redis, one atomic Lua script that checks and decrements it and records
/// the order id, with the append-only file synced every second or on every write.
/// </summary>
public sealed class RedisReservations(RedisServer server, string appendFsync) : IReservationSystem
{
    private static readonly RedisKey[] Keys = ["flash:stock:HOT-1", "flash:orders:HOT-1"];
    private const string Script = """
        if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 2 end
        local left = tonumber(redis.call('GET', KEYS[1]))
        local quantity = tonumber(ARGV[2])
        if left >= quantity then
          redis.call('DECRBY', KEYS[1], quantity)
          redis.call('HSET', KEYS[2], ARGV[1], quantity)
          return 1
        end
        return 0
        """;
    private readonly IDatabase _db = server.Connection.GetDatabase();
    private int _stock;

    public string Name => $"Redis + Lua (AOF {appendFsync})";

    public async Task Prepare(int stock)
    {
        _stock = stock;
        await _db.KeyDeleteAsync(Keys);
        await _db.StringSetAsync(Keys[0], stock);
        await _db.ScriptEvaluateAsync(Script, Keys, ["warm-up", 0]);
        await _db.HashDeleteAsync(Keys[1], "warm-up");
    }

    public async Task<Outcome> Reserve(long index)
    {
        var result = (int)await _db.ScriptEvaluateAsync(Script, Keys, [$"o{index}", 1]);
        return result is 1 or 2 ? Outcome.Ok : Outcome.Refusal;
    }

    public async Task<IReadOnlyList<long>> Settle(IReadOnlyList<long> unknown)
    {
        var held = new List<long>();
        foreach (var index in unknown)
            if (await _db.HashExistsAsync(Keys[1], $"o{index}")) held.Add(index);
        return held;
    }

    public async Task<StoredStock> ReadStored(IReadOnlyList<long> granted)
    {
        var left = (long)await _db.StringGetAsync(Keys[0]);
        var orders = await _db.HashLengthAsync(Keys[1]);
        long found = 0;
        foreach (var chunk in granted.Chunk(10_000))
            found += (await _db.HashGetAsync(Keys[1], [.. chunk.Select(i => (RedisValue)$"o{i}")])).Count(v => v.HasValue);
        return new StoredStock(_stock - left, _stock, orders, found);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
