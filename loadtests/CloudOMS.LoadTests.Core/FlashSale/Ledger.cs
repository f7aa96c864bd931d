namespace CloudOMS.LoadTests.FlashSale;

/// <summary>
/// What the buyers were told, per request index: granted, refused or unknown (the call failed). Lock-free and
/// allocation-free on the hot path: one byte per request, in chunks made as the run needs them.
/// </summary>
public sealed class Ledger
{
    public const byte Granted = 1, Refused = 2, Unknown = 3;
    private const int ChunkBits = 20;
    private readonly byte[]?[] _chunks = new byte[4096][];
    private long _highest = -1;

    public void Set(long index, byte answer)
    {
        var chunkIndex = (int)(index >> ChunkBits);
        var chunk = Volatile.Read(ref _chunks[chunkIndex]);
        if (chunk is null)
        {
            Interlocked.CompareExchange(ref _chunks[chunkIndex], new byte[1 << ChunkBits], null);
            chunk = _chunks[chunkIndex]!;
        }
        chunk[index & ((1 << ChunkBits) - 1)] = answer;
        long seen;
        while (index > (seen = Interlocked.Read(ref _highest)) && Interlocked.CompareExchange(ref _highest, index, seen) != seen) { }
    }

    public List<long> All(byte answer)
    {
        var found = new List<long>();
        for (long i = 0; i <= _highest; i++)
            if (_chunks[i >> ChunkBits] is { } chunk && chunk[i & ((1 << ChunkBits) - 1)] == answer) found.Add(i);
        return found;
    }
}
