using System.Text.Json;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.Projection;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Grains.Tests.ReadModel;

/// <summary>
/// Random order histories (any status, warehouse, customer, day, lines and shipping time in each version, and
/// orders cleared) delivered to the projection in a random order: versions repeated, older after newer, versions
/// skipped, several versions of one order in a batch. After every batch the dashboard totals equal a recount of the
/// order rows, and re-applying a batch changes nothing.
/// </summary>
public sealed class TotalsPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 0, 0, TimeSpan.FromHours(8));
    private int _case;

    private sealed record OrderVersion(OrderStatus Status, string? Warehouse, string Phone, string Channel, int DaysAgo, string[] Skus, int Quantity,
        int PriceCents, int ShippedAfterMinutes, bool Cleared);

    private sealed record Case(OrderVersion[][] Orders, int[] Deliveries);

    [Theory]
    [InlineData(StorageProvider.Sqlite, 60)]
    [InlineData(StorageProvider.Postgres, 25)]
    public async Task Totals_equal_a_recount_however_often_and_in_whatever_order_versions_are_projected(StorageProvider provider, int cases)
    {
        await using var readModel = await TestReadModel.Create(provider);
        var property = Prop.ForAll(Arb.From(Cases()), c => Check(readModel, c).GetAwaiter().GetResult());
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(cases));
    }

    private static Gen<Case> Cases()
    {
        var version =
            from status in Gen.Elements(Enum.GetValues<OrderStatus>())
            from warehouse in Gen.Elements<string?>(null, "W1", "W2")
            from phone in Gen.Elements("13900000001", "13900000002", "13900000003")
            from channel in Gen.Elements("taobao", "jd")
            from daysAgo in Gen.Choose(0, 2)
            from skus in Gen.SubListOf("S1", "S2", "S3")
            from quantity in Gen.Choose(1, 5)
            from price in Gen.Choose(1, 99_999)
            from shipped in Gen.Choose(-1, 3_000)
            from cleared in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new OrderVersion(status, warehouse, phone, channel, daysAgo, [.. skus], quantity, price, shipped, cleared);
        var history = Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(version, n));
        return from orders in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(history, n))
               from deliveries in Gen.ArrayOf(Gen.Choose(0, 1_000))
               select new Case(orders, deliveries);
    }

    private async Task<bool> Check(TestReadModel readModel, Case c)
    {
        var tenant = $"prop{Interlocked.Increment(ref _case)}";
        // Each delivery picks an order and one of its versions; a batch may hold the same order more than once, in any
        // order of versions (the projector applies the newest of each).
        var batches = new List<List<StoredState>>();
        var batch = new List<StoredState>();
        foreach (var pick in c.Deliveries.Append(-1))
        {
            var order = pick < 0 ? -1 : pick % c.Orders.Length;
            if (batch.Count > 0 && (pick < 0 || pick % 4 == 0))
                (batches, batch) = ([.. batches, batch], []);
            if (order >= 0) batch.Add(Change(tenant, order, pick / 7 % c.Orders[order].Length, c.Orders[order]));
        }
        // Finally every order's latest version, then that batch again.
        var latest = c.Orders.Select((history, i) => Change(tenant, i, history.Length - 1, history)).ToList();
        batches.Add(latest);

        // The newest version delivered so far of each order: its row shows that version. (A cleared order's row is
        // removed, and with it the memory of its version, so an older version delivered after the clear shows again.)
        var newest = new Dictionary<string, StoredState>();
        foreach (var changes in batches)
        {
            await Project(readModel, changes);
            foreach (var change in changes.Where(ch => !newest.TryGetValue(ch.GrainKey, out var seen) || seen.Version < ch.Version))
                newest[change.GrainKey] = change;
            await using var db = readModel.Context();
            var rows = await db.Orders.IgnoreQueryFilters().Where(o => o.TenantId == tenant).ToDictionaryAsync(o => Key(tenant, int.Parse(o.OrderId[3..])));
            foreach (var (key, change) in newest.Where(n => n.Value.Payload is not null))
                Assert.Equal(change.Version, rows.GetValueOrDefault(key)?.Version);
        }
        await using (var db = readModel.Context())
        {
            var before = await TotalsRecount.Snapshot(db);
            await Project(readModel, latest);
            Assert.Equal(before, await TotalsRecount.Snapshot(db));
        }
        return true;
    }

    private static async Task Project(TestReadModel readModel, List<StoredState> changes)
    {
        await using var db = readModel.Context();
        await StateProjections.ApplyAll(db, changes, CancellationToken.None);
        await db.SaveChangesAsync();
        await using var check = readModel.Context();
        await TotalsRecount.AssertMatchesRows(check);
    }

    private static string Key(string tenant, int order) => GrainKeys.Order(tenant, $"SO-{order}");

    private static StoredState Change(string tenant, int order, int index, OrderVersion[] history)
    {
        var v = history[index];
        var created = Now.AddDays(-v.DaysAgo).AddHours(-order);
        var state = new OrderState
        {
            OrderId = $"SO-{order}", Status = v.Status, Channel = v.Channel, Warehouse = v.Warehouse,
            Customer = new OrderCustomer { Name = "客户", Phone = v.Phone },
            Lines = [.. v.Skus.Select((sku, i) => new OrderLine { LineNo = i + 1, SkuCode = sku, SkuName = sku, Quantity = v.Quantity + i, UnitPrice = v.PriceCents / 100m })],
            ShippingFee = 8m,
            Shipment = v.ShippedAfterMinutes < 0 ? null : new Shipment { Carrier = "SF", TrackingNo = "1", ShippedAt = created.AddMinutes(v.ShippedAfterMinutes) },
            CreatedAt = created, UpdatedAt = created,
        };
        var payload = v.Cleared ? null : JsonSerializer.SerializeToUtf8Bytes(state, StateSerializer.Options);
        return new StoredState(StorageNames.Order, Key(tenant, order), payload, index + 1, 0);
    }
}
