using CloudOMS.LoadTests.Double11;

namespace CloudOMS.LoadTests.OrderIntake;

/// <summary>
/// An order service that takes an order and reserves its stock in one request: CloudOMS's <c>POST /api/orders</c>
/// with 自动审核 on, or the plain service's <c>POST /orders</c>. Stored states are read back as "reserved" or "short".
/// </summary>
public interface IIntakeSystem : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Creates the SKUs (if the system needs that) and receives <paramref name="units"/> of each.</summary>
    Task Stock(IReadOnlyList<string> skus, int units);

    /// <summary>One request: the order is stored and reserved, or refused short of stock (holding nothing).</summary>
    Task<Placed> Place(string clientOrderId, long index, IReadOnlyList<Want> lines);

    /// <summary>The stored order (status "reserved", "short" or the system's own), or null when there is none.</summary>
    Task<StoredOrder?> Read(string clientOrderId, string? orderId, long index, IReadOnlyList<Want> lines);

    Task<IReadOnlyList<StoredLevel>> Levels(IReadOnlyList<string> skus);

    /// <summary>Resident memory of the service process in MiB.</summary>
    double ServerMemoryMb();
}
