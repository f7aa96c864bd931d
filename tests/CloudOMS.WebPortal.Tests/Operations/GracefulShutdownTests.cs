using System.Diagnostics;
using CloudOMS.Grains;
using CloudOMS.Silo;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.Projection;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using GrainOrder = CloudOMS.Grains.NewOrder;

namespace CloudOMS.WebPortal.Tests.Operations;

/// <summary>
/// SIGTERM stops the host: the silo leaves its cluster, the background services end, and the projection
/// brings the read model and its checkpoint up to what was stored, so the next start finds all of it.
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "cloudoms-webtests", "stop-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_stopped_silo_leaves_the_cluster_within_the_timeout_and_restarts_with_its_orders_and_checkpoint()
    {
        var tenantId = "stop" + Guid.NewGuid().ToString("N")[..8];
        var orderId = "SO-STOP-1";
        var first = await Start();
        var grains = first.Services.GetRequiredService<IGrainFactory>();
        await grains.Tenant(tenantId).Create(new TenantProfile(tenantId, "停机测试", "trial", DateTimeOffset.UtcNow));
        await grains.Warehouse(tenantId, "LY-MAIN").Create(new WarehouseDraft("临沂总仓", "山东省", "临沂市", "兰山区", 1));
        await grains.Sku(tenantId, "CUP").Define(new SkuProfile("CUP", "杯子", null, "个", 10m, 0.5m, 0), isNew: true);
        await grains.Sku(tenantId, "CUP").Move(new StockMove("receive-1", StockMoveKind.Receive, "LY-MAIN", 10, null, "期初", "test"));
        var order = grains.Order(tenantId, orderId);
        await order.Create(new GrainOrder("manual", null,
            new OrderCustomer { Name = "张三", Phone = "13800000000", Province = "山东省", City = "临沂市", Address = "兰山区人民路 1 号" },
            [new NewOrderLine("CUP", 3, 10m, 0m)], 0m, null, false, "test"));
        Assert.Equal(OrderStatus.Approved, (await order.Approve("test")).Status);

        // No waiting for the projection first: stopping must finish it.
        var clock = Stopwatch.StartNew();
        await first.StopAsync();
        Assert.True(clock.Elapsed < ShutdownTimeout, $"stop took {clock.Elapsed}");

        var membership = first.Services.GetRequiredService<IClusterMembershipService>();
        var self = first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        Assert.Equal(SiloStatus.Dead, membership.CurrentSnapshot.GetSiloStatus(self));
        var head = await first.Services.GetRequiredService<GrainStateStore>().ReadHead(CancellationToken.None);
        var (position, status) = await ReadModel(first, tenantId, orderId);
        Assert.Equal(head, position);
        Assert.Equal(nameof(OrderStatus.Approved), status);
        first.Dispose();

        using var second = await Start();
        var again = await second.Services.GetRequiredService<IGrainFactory>().Order(tenantId, orderId).Get();
        Assert.Equal(OrderStatus.Approved, again?.Status);
        Assert.Equal(StockHold.Reserved, again?.Hold);
        var cup = await second.Services.GetRequiredService<IGrainFactory>().Sku(tenantId, "CUP").Get();
        Assert.Equal((10, 3), (cup!.Levels.Single().OnHand, cup.Levels.Single().Reserved));
        var (restartedAt, restartedStatus) = await ReadModel(second, tenantId, orderId);
        Assert.True(restartedAt >= position, $"checkpoint went back from {position} to {restartedAt}");
        Assert.Equal(nameof(OrderStatus.Approved), restartedStatus);
        await second.StopAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the folder is under the temp directory anyway.
        }
    }

    private async Task<IHost> Start()
    {
        var host = SiloProgram.Build([], new Dictionary<string, string?>
        {
            ["CloudOms:DataDirectory"] = _data,
            ["CloudOms:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CloudOms:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CloudOms:ClusterId"] = "stoptest-" + Guid.NewGuid().ToString("N")[..8],
            ["CloudOms:ShutdownTimeout"] = ShutdownTimeout.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await host.StartAsync();
        return host;
    }

    private static async Task<(long Position, string? Status)> ReadModel(IHost host, string tenantId, string orderId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync();
        var position = await db.Checkpoints.Where(c => c.Name == ReadModelProjector.CheckpointName).Select(c => c.Position).SingleAsync();
        var status = await db.Orders.IgnoreQueryFilters().Where(o => o.TenantId == tenantId && o.OrderId == orderId).Select(o => o.Status).SingleOrDefaultAsync();
        return (position, status);
    }
}
