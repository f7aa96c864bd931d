namespace CloudOMS.WebPortal.Tests.Orders;

[Collection(OrdersPortal.Name)]
public sealed class ChannelOrderTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Sending_the_same_channel_order_twice_returns_the_first_order_and_lists_it_once()
    {
        var sku = await _api.CreateSku();
        var external = Unique.Code("TB");
        var body = NewOrder.For(NewOrder.Line(sku, 2)) with { Channel = "taobao", ExternalOrderNo = external };

        var first = await OmsClient.Read<OrderView>(await _api.Post("/api/orders", body), HttpStatusCode.Created);
        var second = await OmsClient.Read<OrderView>(await _api.Post("/api/orders", body), HttpStatusCode.OK);

        Assert.Equal(first.OrderId, second.OrderId);
        Assert.Equal(external, second.ExternalOrderNo);
        await _api.ReadModelCaughtUp();
        var listed = await _api.Orders($"q={external}");
        Assert.Equal(1, listed.Total);
        Assert.Equal(first.OrderId, listed.Items.Single().OrderId);
    }

    [Fact]
    public async Task The_same_external_number_on_another_channel_is_another_order()
    {
        var sku = await _api.CreateSku();
        var external = Unique.Code("EXT");

        var fromTaobao = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)) with { Channel = "taobao", ExternalOrderNo = external });
        var fromJd = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)) with { Channel = "jd", ExternalOrderNo = external });

        Assert.NotEqual(fromTaobao.OrderId, fromJd.OrderId);
        var listed = await _api.OrdersWhen($"q={external}", p => p.Total >= 2);
        Assert.Equal(["jd", "taobao"], listed.Items.Select(o => o.Channel).Order());
    }

    [Fact]
    public async Task Orders_without_an_external_number_are_never_merged()
    {
        var sku = await _api.CreateSku();
        var body = NewOrder.For(NewOrder.Line(sku, 1)) with { Channel = "offline" };

        var first = await _api.CreateOrder(body);
        var second = await _api.CreateOrder(body);

        Assert.NotEqual(first.OrderId, second.OrderId);
    }
}
