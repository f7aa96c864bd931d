using CloudOMS.Grains;
using Microsoft.Extensions.DependencyInjection;
using NewOrder = CloudOMS.WebPortal.Testing.NewOrder;

namespace CloudOMS.WebPortal.Tests.Orders;

/// <summary>
/// 自动审核 (auto-approve when stock suffices): POST /api/orders creates and reviews the order in one request and says
/// whether stock was reserved, refused (the short SKUs) or left pending. The demo company's switch is put back off
/// after each test, and each test stocks SKUs of its own, so the collection's other classes see manual review.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class OrderIntakeReviewTests(PortalFactory portal) : IAsyncLifetime
{
    private const string Main = OmsClient.MainWarehouse;
    private readonly OmsClient _api = portal.Api;

    private sealed record ShortageView(string Sku, int Requested, int Available);

    private sealed record ReviewView(string Outcome, IReadOnlyList<string> Skus, IReadOnlyList<ShortageView> Shortages);

    private sealed record IntakeView(string OrderId, string Status, string? Warehouse, string StockHold, ReviewView Review);

    private sealed record ReviewSettingsView(bool AutoApprove);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => AutoApprove(false);

    [Fact]
    public async Task With_auto_approve_off_a_new_order_is_left_pending_review_and_nothing_is_reserved()
    {
        await AutoApprove(false);
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 5);

        var order = await Create(NewOrder.For(NewOrder.Line(sku, 3)), HttpStatusCode.Created);

        Assert.Equal(("pending", "PendingReview"), (order.Review.Outcome, order.Status));
        Assert.Empty(order.Review.Shortages);
        Assert.Equal(0, (await _api.Level(sku, Main)).Reserved);
    }

    [Fact]
    public async Task With_auto_approve_on_an_order_with_enough_stock_is_approved_and_reserved_in_one_request()
    {
        await AutoApprove(true);
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 5);

        var order = await Create(NewOrder.For(NewOrder.Line(sku, 3)), HttpStatusCode.Created);

        Assert.Equal(("reserved", "Approved", Main), (order.Review.Outcome, order.Status, order.Warehouse));
        Assert.Equal(new StockLevelView(Main, 5, 3, 2, 0), await _api.Level(sku, Main));
        Assert.Equal("Approved", (await _api.Order(order.OrderId)).Status);
    }

    [Fact]
    public async Task With_auto_approve_on_an_order_short_of_stock_is_refused_naming_the_short_sku_and_reserves_nothing()
    {
        await AutoApprove(true);
        var plenty = await _api.CreateSku();
        var scarce = await _api.CreateSku();
        await _api.Receive(plenty, Main, 50);
        await _api.Receive(scarce, Main, 1);

        var order = await Create(NewOrder.For(NewOrder.Line(plenty, 2), NewOrder.Line(scarce, 4)), HttpStatusCode.Created);

        Assert.Equal(("refused", "PendingReview", "None"), (order.Review.Outcome, order.Status, order.StockHold));
        Assert.Equal([scarce], order.Review.Skus);
        Assert.Equal(new ShortageView(scarce, 4, 1), Assert.Single(order.Review.Shortages));
        Assert.Equal(0, (await _api.Level(plenty, Main)).Reserved);
        Assert.Equal(0, (await _api.Level(scarce, Main)).Reserved);
    }

    [Fact]
    public async Task A_resent_auto_approved_order_returns_the_same_order_and_reserves_and_counts_it_once()
    {
        await AutoApprove(true);
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 10);
        var body = NewOrder.For(NewOrder.Line(sku, 4));
        var key = "intake-" + Guid.NewGuid().ToString("N");
        var usage = await OrdersThisMonth();

        var first = await Create(body, HttpStatusCode.Created, key);
        var again = await Create(body, HttpStatusCode.OK, key);

        Assert.Equal((first.OrderId, "reserved", "Approved"), (again.OrderId, again.Review.Outcome, again.Status));
        Assert.Equal(new StockLevelView(Main, 10, 4, 6, 0), await _api.Level(sku, Main));
        Assert.Equal(usage + 1, await OrdersThisMonth());
    }

    [Fact]
    public async Task A_resent_refused_channel_order_is_answered_refused_again_without_a_second_order()
    {
        await AutoApprove(true);
        var sku = await _api.CreateSku();
        await _api.Receive(sku, Main, 2);
        var body = NewOrder.For(NewOrder.Line(sku, 3)) with { Channel = "taobao", ExternalOrderNo = "TB" + Guid.NewGuid().ToString("N")[..12] };
        var usage = await OrdersThisMonth();

        var first = await Create(body, HttpStatusCode.Created);
        var again = await Create(body, HttpStatusCode.OK);

        Assert.Equal((first.OrderId, "refused"), (again.OrderId, again.Review.Outcome));
        Assert.Equal(new ShortageView(sku, 3, 2), Assert.Single(again.Review.Shortages));
        Assert.Equal(0, (await _api.Level(sku, Main)).Reserved);
        Assert.Equal(usage + 1, await OrdersThisMonth());
    }

    [Fact]
    public async Task The_review_setting_is_off_until_an_admin_switches_it_on_through_the_api()
    {
        await AutoApprove(false);
        Assert.False((await _api.Get<ReviewSettingsView>("/api/tenant/order-review")).AutoApprove);

        await AutoApprove(true);

        Assert.True((await _api.Get<ReviewSettingsView>("/api/tenant/order-review")).AutoApprove);
    }

    private async Task AutoApprove(bool on)
    {
        var response = await _api.Http.PutAsJsonAsync("/api/tenant/order-review", new { AutoApprove = on }, OmsClient.Json);
        Assert.Equal(on, (await OmsClient.Read<ReviewSettingsView>(response, HttpStatusCode.OK)).AutoApprove);
    }

    private async Task<IntakeView> Create(OrderBody body, HttpStatusCode expected, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body, options: OmsClient.Json) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await OmsClient.Read<IntakeView>(await _api.Http.SendAsync(request), expected);
    }

    private async Task<int> OrdersThisMonth() =>
        (await portal.Services.GetRequiredService<IGrainFactory>().Tenant("demo").GetBilling()).Usage.OrdersThisMonth;
}
