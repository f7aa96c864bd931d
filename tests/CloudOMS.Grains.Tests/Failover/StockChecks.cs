using System.Text.Json;
using CloudOMS.Silo.Persistence;

namespace CloudOMS.Grains.Tests.Failover;

/// <summary>The checks after the failover, once through the grains (the surviving silo) and once on the storage table.</summary>
public static class StockChecks
{
    /// <summary>Every acknowledged answer still holds, and each SKU's reserved equals what the requests hold.</summary>
    public static async Task AgainstGrains(IGrainFactory grains, FailoverShop shop, IReadOnlyList<BurstRequest> requests)
    {
        foreach (var request in requests)
        {
            if (request.Kind == BurstKind.Reservation)
            {
                // A refusal holds nothing: it counts for nothing in the totals below, which must still match.
                if (request.AcknowledgedGranted == true)
                    Assert.True(request.FinalReservation!.Reserved, $"{request.Id} was answered reserved, asked again it says not reserved");
                continue;
            }
            var order = request.FinalOrder;
            if (request.CreateAcknowledged) Assert.True(order is not null, $"{request.Id} was acknowledged as created but does not exist");
            if (request.AcknowledgedGranted == true)
                Assert.True(order!.Status == OrderStatus.Approved && order.Hold == StockHold.Reserved, $"{request.Id} was approved but is {order.Status}/{order.Hold}");
            if (request.AcknowledgedGranted == false)
                Assert.True(order!.Status == OrderStatus.PendingReview && order.Hold == StockHold.None, $"{request.Id} was refused but is {order.Status}/{order.Hold}");
            if (!request.CreateAcknowledged) Assert.False(request.FinalGranted, $"{request.Id} was never approved but holds stock");
        }

        foreach (var (code, stock) in FailoverShop.Skus)
        {
            var level = (await grains.Sku(shop.TenantId, code).Get())!.Level(FailoverShop.Warehouse);
            shop.FinalLevels[code] = level;
            var held = Held(requests, code);
            Assert.True(held <= stock, $"{code}: {held} units granted from a stock of {stock}");
            Assert.Equal((code, stock), (code, level.OnHand));
            Assert.Equal((code, held), (code, level.Reserved));
        }
    }

    /// <summary>
    /// The storage table on its own agrees: each SKU row's reserved is at most its on-hand and equals the live
    /// reservations stored (reservation records granted, plus the lines of stored orders holding stock), and
    /// every acknowledged grant is among them.
    /// </summary>
    public static async Task AgainstStorage(ProcessCluster cluster, FailoverShop shop, IReadOnlyList<BurstRequest> requests)
    {
        var rows = (await cluster.StoredStates()).Where(r => GrainKeys.TryParse(r.GrainKey, out var tenant, out _, out _) && tenant == shop.TenantId).ToList();
        var skus = rows.Where(r => r.StateName == StorageNames.Sku)
            .ToDictionary(r => GrainKeys.TryParseId(r.GrainKey), r => Read<SkuInventoryState>(r.Payload));
        var orders = rows.Where(r => r.StateName == StorageNames.Order)
            .ToDictionary(r => GrainKeys.TryParseId(r.GrainKey), r => Read<OrderState>(r.Payload));

        foreach (var request in requests.Where(r => r.AcknowledgedGranted == true))
        {
            if (request.Kind == BurstKind.Reservation)
                Assert.True(skus[request.Lines[0].Sku].Pending.TryGetValue(request.OperationId, out var record) && record.Granted,
                    $"{request.Id}: no granted reservation record stored on {request.Lines[0].Sku}");
            else
                Assert.True(orders.TryGetValue(request.Id, out var order) && order.Hold == StockHold.Reserved, $"{request.Id}: not stored as holding stock");
        }
        foreach (var request in requests.Where(r => r.CreateAcknowledged))
            Assert.True(orders.ContainsKey(request.Id), $"{request.Id}: acknowledged as created but not stored");

        foreach (var (code, state) in skus)
        {
            var level = state.Warehouses[FailoverShop.Warehouse];
            var reservations = state.Pending.Values.Where(p => p.Kind == StockOpKind.Reserve && p.Granted && p.OrderId!.StartsWith("R-", StringComparison.Ordinal)).Sum(p => p.Quantity);
            var ordered = orders.Values.Where(o => o.Hold == StockHold.Reserved).SelectMany(o => o.Lines).Where(l => l.SkuCode == code).Sum(l => l.Quantity);
            Assert.True(level.Reserved <= level.OnHand, $"{code}: stored reserved {level.Reserved} > on hand {level.OnHand}");
            Assert.Equal((code, reservations + ordered), (code, level.Reserved));
            Assert.Equal((code, Held(requests, code)), (code, level.Reserved));
        }
        Assert.Equal(FailoverShop.Skus.Length, skus.Count);
    }

    private static int Held(IReadOnlyList<BurstRequest> requests, string code) =>
        requests.Where(r => r.FinalGranted).SelectMany(r => r.Lines).Where(l => l.Sku == code).Sum(l => l.Quantity);

    private static T Read<T>(byte[] payload) => JsonSerializer.Deserialize<T>(payload, StateSerializer.Options)!;
}
