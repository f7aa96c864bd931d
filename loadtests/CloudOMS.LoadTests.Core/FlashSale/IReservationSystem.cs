using CloudOMS.LoadTests.Engine;

namespace CloudOMS.LoadTests.FlashSale;

/// <summary>
/// One way of selling a hot SKU's stock: CloudOMS or a baseline design. Request i reserves one unit for order
/// "o{i}". After the run, calls that failed (outcome unknown) are settled the way a real caller would (asking
/// again with the same id), then the stored stock is checked against what was acknowledged.
/// </summary>
public interface IReservationSystem : IAsyncDisposable
{
    string Name { get; }

    Task Prepare(int stock);

    Task<Outcome> Reserve(long index);

    /// <summary>Of the calls whose outcome is unknown, the ones that hold stock (asked again with the same ids).</summary>
    Task<IReadOnlyList<long>> Settle(IReadOnlyList<long> unknown);

    /// <summary>What storage holds after the run, read back from disk where the design allows (CloudOMS restarts its silo).</summary>
    Task<StoredStock> ReadStored(IReadOnlyList<long> granted);
}

/// <summary>
/// Stock as stored: units reserved and on hand, the reservation records kept, and how many of the granted
/// orders' records were found (the last two null where the design keeps none).
/// </summary>
public sealed record StoredStock(long Reserved, long OnHand, long? Records, long? GrantedFound);
