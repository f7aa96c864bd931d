namespace CloudOMS.Grains;

/// <summary>What <see cref="OrderSaga"/> decided. The grain saves the order after every decision, then acts on it.</summary>
public abstract record SagaNext
{
    private SagaNext()
    {
    }

    /// <summary>A step is set with SKU calls to make: run <see cref="OrderSaga.Calls"/>, then hand the answers back.</summary>
    public sealed record CallSkus : SagaNext;

    /// <summary>The warehouse tried fell short and gave its stock back: load the stock again for <see cref="OrderSaga.Replan"/>.</summary>
    public sealed record TryAnotherWarehouse : SagaNext;

    /// <summary>
    /// No warehouse can fill the order: the approval is refused, naming the short lines. <paramref name="Repeat"/>: the
    /// order already records this very refusal last and nothing changed, so there is nothing to save.
    /// </summary>
    public sealed record Refused(IReadOnlyList<Shortage> Shortages, bool Repeat = false) : SagaNext;

    /// <summary>The saga is over and the order has moved on to <paramref name="Status"/> (approved, cancelled or shipped).</summary>
    public sealed record Finished(OrderStatus Status) : SagaNext;
}

/// <summary>The SKU grain call a step makes for each of its operations.</summary>
public enum SkuCall
{
    Reserve,
    Release,
    Commit,
}

/// <summary>The calls a step still needs: <paramref name="Call"/> on the SKU grain of each operation, with its id.</summary>
public sealed record SkuCalls(SkuCall Call, IReadOnlyList<SkuOperation> Operations);

/// <summary>What a warehouse is chosen from: the tenant's warehouses and the order's SKUs as loaded (a SKU not found is absent).</summary>
public sealed record StockPicture(IReadOnlyList<WarehouseRef> Warehouses, IReadOnlyDictionary<string, SkuSnapshot> Skus);
