using CloudOMS.Grains;
using NewOrder = CloudOMS.WebPortal.Testing.NewOrder;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.WebPortal.Tests.Containment;

/// <summary>
/// An Idempotency-Key stands for one request of one company: the same request again is answered and applied once,
/// another request with the key is refused (422), and a replay consumes nothing (no order number, no quota).
/// </summary>
[Collection(StockPortal.Name)]
public sealed class IdempotencyKeyTests(PortalFactory portal)
{
    private const string Main = OmsClient.MainWarehouse;
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Two_receipts_of_different_skus_sent_at_once_with_one_key_are_one_applied_and_one_refused()
    {
        var (first, second) = (await _api.CreateSku(), await _api.CreateSku());
        var key = "DOC-" + Guid.NewGuid().ToString("N")[..8];

        var answers = await Task.WhenAll(Send("/api/stock/receive", new StockMoveBody(first, Main, 1), key), Send("/api/stock/receive", new StockMoveBody(second, Main, 1), key));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity], answers.Select(a => a.StatusCode).Order());
        var refused = await OmsClient.Problem(answers.Single(a => a.StatusCode != HttpStatusCode.OK), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", refused.Errors!.Keys);
        var onHand = new[] { (await _api.Level(first, Main)).OnHand, (await _api.Level(second, Main)).OnHand };
        Assert.Equal([0, 1], onHand.Order());
        // The read model keeps going and lists the one movement; the audit answers.
        var applied = onHand[0] == 1 ? first : second;
        await Eventually.Until(() => _api.Get<PageView<StockMovementView>>($"/api/stock/movements?skuCode={applied}"), p => p.Total == 1);
        await _api.ReadModelCaughtUp();
        Assert.True((await _api.Post<StockAuditView>("/api/stock/audit", null)).Clean);
    }

    [Fact]
    public async Task A_key_sent_again_with_another_body_is_refused_and_with_the_same_body_is_applied_once()
    {
        var sku = await _api.CreateSku();
        var key = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.OK, (await Send("/api/stock/receive", new StockMoveBody(sku, Main, 5), key)).StatusCode);
        var changed = await Send("/api/stock/receive", new StockMoveBody(sku, Main, 6), key);
        var again = await Send("/api/stock/receive", new StockMoveBody(sku, Main, 5), key);

        await OmsClient.Problem(changed, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(5, (await _api.Level(sku, Main)).OnHand);
    }

    [Fact]
    public async Task A_refused_movement_leaves_its_key_free_for_the_corrected_request()
    {
        var sku = await _api.CreateSku();
        var key = Guid.NewGuid().ToString("N");

        var refused = await Send("/api/stock/transfer", new StockMoveBody(sku, Main, 3, ToWarehouse: OmsClient.JinanWarehouse), key);
        await _api.Receive(sku, Main, 3);
        var corrected = await Send("/api/stock/transfer", new StockMoveBody(sku, Main, 2, ToWarehouse: OmsClient.JinanWarehouse), key);

        await OmsClient.Problem(refused, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(2, (await _api.Level(sku, OmsClient.JinanWarehouse)).OnHand);
    }

    [Fact]
    public async Task A_key_that_is_not_a_short_token_is_refused()
    {
        var sku = await _api.CreateSku();

        await OmsClient.FieldError(await Send("/api/stock/receive", new StockMoveBody(sku, Main, 1), new string('k', 65)), "Idempotency-Key");
        await OmsClient.FieldError(await Send("/api/stock/receive", new StockMoveBody(sku, Main, 1), "a b"), "Idempotency-Key");
        Assert.Equal(0, (await _api.Level(sku, Main)).OnHand);
    }

    [Fact]
    public async Task Replaying_a_channel_order_takes_no_order_number_and_no_quota()
    {
        var sku = await _api.CreateSku();
        var body = NewOrder.For(NewOrder.Line(sku, 1)) with { Channel = "taobao", ExternalOrderNo = Unique.Code("TB") };
        var first = await _api.CreateOrder(body);
        var usage = await OrdersThisMonth();

        var replays = await Task.WhenAll(Enumerable.Range(0, 9).Select(_ => _api.Post("/api/orders", body)));
        var next = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));

        Assert.All(replays, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(await Task.WhenAll(replays.Select(r => OmsClient.Read<OrderView>(r, HttpStatusCode.OK))), o => Assert.Equal(first.OrderId, o.OrderId));
        Assert.Equal(usage + 1, await OrdersThisMonth());
        Assert.Equal(Sequence(first.OrderId) + 1, Sequence(next.OrderId));
    }

    [Fact]
    public async Task An_order_sent_again_with_its_key_is_the_same_order_and_another_body_with_the_key_is_refused()
    {
        var sku = await _api.CreateSku();
        var key = Guid.NewGuid().ToString();
        var body = NewOrder.For(NewOrder.Line(sku, 2));

        var first = await Send("/api/orders", body, key);
        var usage = await OrdersThisMonth();
        var again = await Task.WhenAll(Send("/api/orders", body, key), Send("/api/orders", body, key));
        var changed = await Send("/api/orders", body with { Lines = [NewOrder.Line(sku, 3)] }, key);

        var created = await OmsClient.Read<OrderView>(first, HttpStatusCode.Created);
        Assert.All(await Task.WhenAll(again.Select(r => OmsClient.Read<OrderView>(r, HttpStatusCode.OK))), o => Assert.Equal(created.OrderId, o.OrderId));
        await OmsClient.Problem(changed, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(usage, await OrdersThisMonth());
    }

    [Fact]
    public async Task A_payment_reference_recorded_again_for_another_amount_is_refused_and_the_same_payment_is_recorded_once()
    {
        var sku = await _api.CreateSku();
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 2, 50m)));
        var reference = Unique.Code("PAY");

        await _api.Act(order.OrderId, "payments", new { Amount = 30m, Method = "wechatpay", Reference = reference });
        var same = await _api.Post($"/api/orders/{order.OrderId}/payments", new { Amount = 30m, Method = "wechatpay", Reference = reference });
        var other = await _api.Post($"/api/orders/{order.OrderId}/payments", new { Amount = 40m, Method = "wechatpay", Reference = reference });

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        await OmsClient.FieldError(other, "reference", HttpStatusCode.UnprocessableEntity);
        Assert.Equal(30m, (await _api.Order(order.OrderId)).Paid);
    }

    private async Task<HttpResponseMessage> Send(string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: OmsClient.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return await _api.Http.SendAsync(request);
    }

    private async Task<int> OrdersThisMonth() =>
        (await portal.Services.GetRequiredService<IGrainFactory>().Tenant("demo").GetBilling()).Usage.OrdersThisMonth;

    private static int Sequence(string orderId) => int.Parse(orderId[^5..], System.Globalization.CultureInfo.InvariantCulture);
}
