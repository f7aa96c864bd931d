namespace CloudOMS.Identity.Tests.Access;

/// <summary>
/// The demo clerk's only role is limited to LY-MAIN: they see and act on that warehouse's orders and
/// stock only. Each fixture stocks one SKU in each warehouse and has one order allocated to each.
/// </summary>
public sealed class WarehouseScopeTests(WarehouseScopeTests.Scene scene) : IClassFixture<WarehouseScopeTests.Scene>
{
    public sealed class Scene : IAsyncLifetime
    {
        public IdentityPortal Portal { get; } = new();
        public OmsClient Clerk { get; private set; } = null!;
        public string MainSku { get; private set; } = "";
        public string JinanSku { get; private set; } = "";
        public string MainOrder { get; private set; } = "";
        public string JinanOrder { get; private set; } = "";
        public string PendingOrder { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Portal.InitializeAsync();
            var api = Portal.DemoApi;
            (MainSku, JinanSku) = (await api.CreateSku(), await api.CreateSku());
            await api.Receive(MainSku, OmsClient.MainWarehouse, 10);
            await api.Receive(JinanSku, OmsClient.JinanWarehouse, 10);
            MainOrder = (await api.Act((await api.CreateOrder(NewOrder.For(NewOrder.Line(MainSku, 1)))).OrderId, "approve")).OrderId;
            var jinan = await api.Act((await api.CreateOrder(NewOrder.For(NewOrder.Line(JinanSku, 1)))).OrderId, "approve");
            Assert.Equal(OmsClient.JinanWarehouse, jinan.Warehouse);
            JinanOrder = jinan.OrderId;
            PendingOrder = (await api.CreateOrder(NewOrder.For(NewOrder.Line(MainSku, 1)))).OrderId;
            await api.ReadModelCaughtUp();
            Clerk = await Portal.SignInApi(Seed.ClerkEmail, IdentityPortal.DemoPassword);
        }

        public Task DisposeAsync() => Portal.DisposeAsync();
    }

    private OmsClient Clerk => scene.Clerk;

    [Fact]
    public async Task Clerk_lists_only_orders_allocated_to_their_warehouse()
    {
        var all = await Clerk.Orders("pageSize=200");

        Assert.True(all.Total > 0);
        Assert.All(all.Items, o => Assert.Equal(OmsClient.MainWarehouse, o.Warehouse));
        Assert.Equal(1, (await Clerk.Orders($"q={scene.MainOrder}")).Total);
        Assert.Equal(0, (await Clerk.Orders($"q={scene.JinanOrder}")).Total);
        Assert.Equal(0, (await Clerk.Orders($"q={scene.PendingOrder}")).Total);
        Assert.Equal(0, (await Clerk.Orders("warehouse=JN-01")).Total);
        Assert.Equal(1, (await scene.Portal.DemoApi.Orders($"q={scene.JinanOrder}")).Total);
    }

    [Fact]
    public async Task Clerk_gets_404_for_an_order_of_another_warehouse_or_not_yet_allocated()
    {
        Assert.Equal(OmsClient.MainWarehouse, (await Clerk.Order(scene.MainOrder)).Warehouse);
        await OmsClient.Problem(await Clerk.Get($"/api/orders/{scene.JinanOrder}"), HttpStatusCode.NotFound);
        await OmsClient.Problem(await Clerk.Get($"/api/orders/{scene.PendingOrder}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Clerk_cannot_pick_an_order_of_another_warehouse()
    {
        await OmsClient.Problem(await Clerk.Post($"/api/orders/{scene.JinanOrder}/pick"), HttpStatusCode.NotFound);

        Assert.Equal("Approved", (await scene.Portal.DemoApi.Order(scene.JinanOrder)).Status);
    }

    [Fact]
    public async Task Clerk_sees_stock_of_their_warehouse_only()
    {
        var stock = await Clerk.Get<PageView<StockRowView>>("/api/stock?pageSize=200");
        Assert.NotEmpty(stock.Items);
        Assert.All(stock.Items, s => Assert.Equal(OmsClient.MainWarehouse, s.WarehouseCode));
        Assert.Equal(0, (await Clerk.Get<PageView<StockRowView>>($"/api/stock?skuCode={scene.JinanSku}")).Total);
        Assert.Empty(await Clerk.Get<List<StockLevelView>>($"/api/stock/{scene.JinanSku}"));
        Assert.Empty((await Clerk.Get<SkuView>($"/api/skus/{scene.JinanSku}")).Levels);
        Assert.Equal(OmsClient.MainWarehouse, Assert.Single(await Clerk.Get<List<StockLevelView>>($"/api/stock/{scene.MainSku}")).Warehouse);
        var movements = await Clerk.Get<PageView<StockMovementView>>("/api/stock/movements?pageSize=200");
        Assert.All(movements.Items, m => Assert.True(m.WarehouseCode == OmsClient.MainWarehouse || m.ToWarehouseCode == OmsClient.MainWarehouse, $"{m.OperationId} in {m.WarehouseCode}"));
        Assert.All(await Clerk.Get<List<StockRowView>>("/api/stock/low"), s => Assert.Equal(OmsClient.MainWarehouse, s.WarehouseCode));
    }

    [Fact]
    public async Task Clerk_sees_only_their_warehouse()
    {
        var warehouses = await Clerk.Get<List<WarehouseView>>("/api/warehouses");

        Assert.Equal([OmsClient.MainWarehouse], warehouses.Select(w => w.Code));
        await OmsClient.Problem(await Clerk.Get($"/api/warehouses/{OmsClient.JinanWarehouse}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Clerk_cannot_receive_or_transfer_stock_in_another_warehouse()
    {
        var main = await scene.Portal.DemoApi.Level(scene.MainSku, OmsClient.MainWarehouse);

        await OmsClient.FieldError(await Clerk.Post("/api/stock/receive", new StockMoveBody(scene.JinanSku, OmsClient.JinanWarehouse, 5, "入库")), "warehouse");
        await OmsClient.FieldError(await Clerk.Post("/api/stock/transfer", new StockMoveBody(scene.MainSku, OmsClient.MainWarehouse, 1, null, OmsClient.JinanWarehouse)), "toWarehouse");

        Assert.Equal(10, (await scene.Portal.DemoApi.Level(scene.JinanSku, OmsClient.JinanWarehouse)).OnHand);
        Assert.Equal(main, await scene.Portal.DemoApi.Level(scene.MainSku, OmsClient.MainWarehouse));
        var received = await Clerk.Receive(scene.MainSku, OmsClient.MainWarehouse, 1);
        Assert.Equal(main.OnHand + 1, received.Levels.Single(l => l.Warehouse == OmsClient.MainWarehouse).OnHand);
    }

    [Fact]
    public async Task Clerk_token_carries_the_warehouse_scope_and_the_role_permissions()
    {
        var me = await Clerk.Get<MeView>("/api/me");

        Assert.Equal([OmsClient.MainWarehouse], me.Warehouses);
        Assert.Equal(["inventory.adjust", "inventory.view", "orders.ship", "orders.view"], me.Permissions);
        await OmsClient.Problem(await Clerk.Post("/api/orders", NewOrder.For(NewOrder.Line(scene.MainSku, 1))), HttpStatusCode.Forbidden);
    }
}
