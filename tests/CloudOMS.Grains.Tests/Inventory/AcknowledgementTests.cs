using System.Text.Json;
using CloudOMS.Silo.Persistence;

namespace CloudOMS.Grains.Tests.Inventory;

/// <summary>
/// An order acknowledges the stock operations it has saved the outcome of, so the SKU may forget their records. The
/// acknowledgement is not written on its own: it leaves storage with the SKU's next write. A crash that forgets it
/// only keeps the record longer, and until acknowledged durably a resent operation still answers its recorded outcome.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class AcknowledgementTests(SharedClusters clusters)
{
    [Fact]
    public async Task An_acknowledgement_costs_no_write_and_leaves_storage_with_the_next_one()
    {
        var oms = await clusters.For();
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));
        var sku = oms.Grains.Sku(tenant, "S1");
        await sku.Reserve(new ReserveRequest("SO-1:r1:1", "SO-1", 2, ["WH1"]));
        var written = SkuWrites(tenant);

        await sku.Acknowledge(["SO-1:r1:1"]);
        Assert.Equal(written, SkuWrites(tenant));

        await sku.Reserve(new ReserveRequest("SO-2:r1:1", "SO-2", 3, ["WH1"]));
        Assert.Equal(written + 1, SkuWrites(tenant));
        var row = await oms.Store.ReadOne(StorageNames.Sku, GrainKeys.Sku(tenant, "S1"), CancellationToken.None);
        var stored = JsonSerializer.Deserialize<SkuInventoryState>(row!.Payload!, StateSerializer.Options)!;
        Assert.Equal(["SO-2:r1:1"], stored.Pending.Keys.Where(k => k.StartsWith("SO-", StringComparison.Ordinal)));
        Assert.Equal(5, (await sku.Get())!.Level("WH1").Reserved);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_reservation_whose_acknowledgement_a_crash_forgot_still_answers_its_recorded_outcome(StorageProvider provider)
    {
        await using var oms = await CloudOmsCluster.Start(provider: provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        await TestTenant.Sku(oms.Grains, tenant, "S1", ("WH1", 10));
        var request = new ReserveRequest("SO-1:r1:1", "SO-1", 4, ["WH1"]);
        var granted = await oms.Grains.Sku(tenant, "S1").Reserve(request);
        await oms.Grains.Sku(tenant, "S1").Acknowledge([request.OperationId]);

        await oms.KillAndRestart();
        var resent = await oms.Grains.Sku(tenant, "S1").Reserve(request);

        Assert.Equal(granted, resent);
        Assert.Equal(new ReserveResult(true, "WH1", 6), resent);
        Assert.Equal(4, (await oms.Grains.Sku(tenant, "S1").Get())!.Level("WH1").Reserved);
    }

    private static int SkuWrites(string tenant) => FaultyStorage.WritesFor(GrainKeys.Tenant(tenant)).GetValueOrDefault(StorageNames.Sku);
}
