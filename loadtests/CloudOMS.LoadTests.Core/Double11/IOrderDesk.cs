namespace CloudOMS.LoadTests.Double11;

/// <summary>An order line the workload asks for.</summary>
public readonly record struct Want(string Sku, int Quantity);

/// <summary>What an order came to: its id and whether its review reserved the stock (false: short of stock).</summary>
public readonly record struct Placed(string OrderId, bool Reserved);

/// <summary>An order as stored after the run: its status and lines (for checking stock against the orders).</summary>
public sealed record StoredOrder(string OrderId, string Status, IReadOnlyList<Want> Lines);

/// <summary>Stock of one SKU as stored: on hand and reserved, summed over warehouses.</summary>
public sealed record StoredLevel(string Sku, long OnHand, long Reserved);

/// <summary>
/// One way of running a shop's peak day: CloudOMS over HTTP, CloudOMS's grains in this process, or the plain
/// PostgreSQL design. Tenants are numbered 0..n-1; every SKU starts with <see cref="Catalogue.Stock"/> units.
/// </summary>
public interface IOrderDesk : IAsyncDisposable
{
    string Name { get; }

    Task Prepare(Catalogue catalogue);

    /// <summary>Creates the order (its id known before any failure can hide it) and reviews it, which reserves its stock.</summary>
    Task<Placed> PlaceAndReserve(int tenant, long index, IReadOnlyList<Want> lines, Action<string> idKnown);

    /// <summary>Picks and ships a reserved order; its stock leaves the warehouse.</summary>
    Task Ship(int tenant, string orderId);

    /// <summary>The first page of the order list, newest first.</summary>
    Task List(int tenant);

    /// <summary>The dashboard's figures for the last 7 days.</summary>
    Task Dashboard(int tenant);

    /// <summary>
    /// Finishes what a failed call may have left half done (a stock step of the order's saga), as the product's own
    /// sweeper would in time, so the check after the run compares settled orders with stock.
    /// </summary>
    Task Settle(int tenant, string orderId) => Task.CompletedTask;

    /// <summary>The stored order, or null when no such order exists.</summary>
    Task<StoredOrder?> Read(int tenant, string orderId);

    Task<IReadOnlyList<StoredLevel>> Stock(int tenant);
}

/// <summary>The SKUs of every tenant (the same codes in each) and the units each starts with.</summary>
public sealed record Catalogue(int Tenants, IReadOnlyList<string> Skus, int Stock);
