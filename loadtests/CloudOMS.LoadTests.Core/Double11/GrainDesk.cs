using CloudOMS.Grains;
using CloudOMS.LoadTests.Targets;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.LoadTests.Double11;

/// <summary>
/// CloudOMS's engine in this process: the grains the API calls (tenant numbering, order saga, SKU reservations)
/// and the read model the lists and dashboard read, without HTTP, tokens or JSON.
/// </summary>
public sealed class GrainDesk(InProcSilo silo) : IOrderDesk
{
    private const string Warehouse = "WH-1", Actor = "load";
    private IReadOnlyList<string> _skus = [];

    public string Name => $"CloudOMS grains ({silo.Database})";

    public static string TenantId(int tenant) => $"load-{tenant:D2}";

    private IGrainFactory Grains => silo.Grains;

    public async Task Prepare(Catalogue catalogue)
    {
        _skus = catalogue.Skus;
        for (var tenant = 0; tenant < catalogue.Tenants; tenant++)
        {
            var id = TenantId(tenant);
            await Grains.Tenant(id).Create(new TenantProfile(id, $"压测商户 {tenant}", "pro", DateTimeOffset.UtcNow));
            await Grains.Warehouse(id, Warehouse).Create(new WarehouseDraft("临沂总仓", "山东省", "临沂市", "兰山区物流园 1 号", 1));
            await Parallel.ForEachAsync(catalogue.Skus, async (sku, _) =>
            {
                var grain = Grains.Sku(id, sku);
                await grain.Define(new SkuProfile(sku, $"双十一商品 {sku}", null, "件", 59m, 0.3m, 0), isNew: true);
                await grain.Move(new StockMove($"stock-{sku}", StockMoveKind.Receive, Warehouse, catalogue.Stock, null, "大促备货", Actor));
            });
        }
    }

    public async Task<Placed> PlaceAndReserve(int tenant, long index, IReadOnlyList<Want> lines, Action<string> idKnown)
    {
        var id = TenantId(tenant);
        var orderId = await Grains.Tenant(id).NextOrderId();
        idKnown(orderId);
        var customer = index % 50_000;
        var order = Grains.Order(id, orderId);
        await order.Create(new NewOrder("taobao", null,
            new OrderCustomer { Name = $"客户{customer:D5}", Phone = $"139{customer:D8}", Province = "山东省", City = "临沂市", Address = "兰山区通达路 1 号" },
            [.. lines.Select(l => new NewOrderLine(l.Sku, l.Quantity, 59m, 0m))], 0m, null, Draft: false, Actor));
        try
        {
            var approved = await order.Approve(Actor);
            return new Placed(orderId, approved.Status == OrderStatus.Approved);
        }
        catch (CommandException refused) when (refused.Kind == FailureKind.Conflict)
        {
            return new Placed(orderId, false);
        }
    }

    public async Task Ship(int tenant, string orderId)
    {
        var order = Grains.Order(TenantId(tenant), orderId);
        await order.StartPicking(Actor);
        await order.Ship(Actor, "SF", $"SF{orderId[2..]}");
    }

    public async Task List(int tenant)
    {
        await using var db = ReadModel(tenant);
        await db.Orders.OrderByDescending(o => o.CreatedAt).Take(20).ToListAsync();
    }

    /// <summary>Daily orders and sales by status for 7 days: the core of the dashboard's query (which lives in the portal).</summary>
    public async Task Dashboard(int tenant)
    {
        await using var db = ReadModel(tenant);
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-6);
        await db.OrderDayTotals.Where(t => t.Day >= first && t.Orders > 0).GroupBy(t => new { t.Day, t.Status })
            .Select(g => new { g.Key.Day, g.Key.Status, Orders = g.Sum(t => t.Orders), Cents = g.Sum(t => t.SalesCents) }).ToListAsync();
    }

    public async Task Settle(int tenant, string orderId)
    {
        for (var attempt = 1; attempt <= 5 && !await Grains.Order(TenantId(tenant), orderId).ResumeSaga(); attempt++)
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
    }

    public async Task<StoredOrder?> Read(int tenant, string orderId) =>
        await Grains.Order(TenantId(tenant), orderId).Get() is { } order
            ? new StoredOrder(order.OrderId, order.Status.ToString(), [.. order.Lines.Select(l => new Want(l.SkuCode, l.Quantity))])
            : null;

    public async Task<IReadOnlyList<StoredLevel>> Stock(int tenant)
    {
        var levels = new List<StoredLevel>();
        foreach (var sku in _skus)
            if (await Grains.Sku(TenantId(tenant), sku).Get() is { } snapshot)
                levels.Add(new StoredLevel(sku, snapshot.Levels.Sum(l => (long)l.OnHand), snapshot.Levels.Sum(l => (long)l.Reserved)));
        return levels;
    }

    private ReadModelDbContext ReadModel(int tenant)
    {
        var db = silo.Services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>().CreateDbContext();
        db.TenantId = TenantId(tenant);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db;
    }

    public ValueTask DisposeAsync() => silo.DisposeAsync();
}
