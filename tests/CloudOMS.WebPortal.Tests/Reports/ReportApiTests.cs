using System.Text.Json;

namespace CloudOMS.WebPortal.Tests.Reports;

[Collection(OrdersPortal.Name)]
public sealed class ReportApiTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    private async Task<(int Orders, decimal Sales)> Today()
    {
        var data = await _api.Get<JsonElement>("/api/reports/dashboard?days=1");
        var kpis = data.GetProperty("kpis");
        return (kpis.GetProperty("orders").GetInt32(), kpis.GetProperty("sales").GetDecimal());
    }

    /// <summary>Today's sales, the orders awaiting review, and the top sellers' names, once the read model has every write.</summary>
    private async Task<Figures> Now()
    {
        await _api.ReadModelCaughtUp();
        var data = await _api.Get<JsonElement>("/api/reports/dashboard?days=1");
        var kpis = data.GetProperty("kpis");
        return new Figures(kpis.GetProperty("orders").GetInt32(), kpis.GetProperty("sales").GetDecimal(),
            kpis.GetProperty("pending").GetInt32(), kpis.GetProperty("pendingAmount").GetDecimal(),
            [.. data.GetProperty("topSkus").EnumerateArray().Select(p => p.GetProperty("label").GetString()!)]);
    }

    [Fact]
    public async Task The_dashboard_counts_an_order_awaiting_review_apart_and_as_a_sale_once_approved()
    {
        var sku = await _api.CreateSku(price: 25m);
        await _api.Receive(sku, OmsClient.MainWarehouse, 10);
        var before = await Now();

        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 2, 25m)));
        var pending = await Now();
        Assert.Equal((before.Orders, before.Sales), (pending.Orders, pending.Sales));
        Assert.Equal((before.Pending + 1, before.PendingAmount + 50m), (pending.Pending, pending.PendingAmount));

        await _api.Act(order.OrderId, "approve");
        var after = await Eventually.Until(Today, t => t.Orders == before.Orders + 1);
        Assert.Equal(before.Sales + 50m, after.Sales);
        var week = await _api.Get<JsonElement>("/api/reports/dashboard");
        Assert.Equal(7, week.GetProperty("dailySales").GetArrayLength());
        Assert.True(week.GetProperty("kpis").GetProperty("orders").GetInt32() >= after.Orders);
    }

    [Fact]
    public async Task An_order_refused_for_short_stock_is_pending_not_sales_until_approved_and_drops_out_when_cancelled()
    {
        // The case: more ordered than available (there 50 and 17). 900,000 units so the SKU would top any list it entered.
        var sku = await _api.CreateSku(price: 0.01m);
        var name = $"测试商品 {sku}";
        await _api.Receive(sku, OmsClient.MainWarehouse, 17);
        var before = await Now();

        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 900_000, 0.01m)));
        await OmsClient.Problem(await _api.Post($"/api/orders/{order.OrderId}/approve"), HttpStatusCode.Conflict);
        Assert.Equal("PendingReview", (await _api.Order(order.OrderId)).Status);
        var refused = await Now();
        Assert.Equal((before.Orders, before.Sales), (refused.Orders, refused.Sales));
        Assert.Equal((before.Pending + 1, before.PendingAmount + 9_000m), (refused.Pending, refused.PendingAmount));
        Assert.DoesNotContain(name, refused.TopSkus);

        for (var received = 17; received < 900_000; received += 300_000)
            await _api.Receive(sku, OmsClient.MainWarehouse, Math.Min(300_000, 900_000 - received));
        await _api.Act(order.OrderId, "approve");
        var approved = await Now();
        Assert.Equal((before.Orders + 1, before.Sales + 9_000m), (approved.Orders, approved.Sales));
        Assert.Equal((before.Pending, before.PendingAmount), (approved.Pending, approved.PendingAmount));
        Assert.Equal(name, approved.TopSkus[0]);

        await _api.Act(order.OrderId, "cancel", new { reason = "客户取消" });
        var cancelled = await Now();
        Assert.Equal((before.Orders, before.Sales, before.Pending), (cancelled.Orders, cancelled.Sales, cancelled.Pending));
        Assert.DoesNotContain(name, cancelled.TopSkus);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public async Task Days_outside_1_to_90_is_a_400_naming_the_field(int days)
    {
        var problem = await OmsClient.FieldError(await _api.Get($"/api/reports/dashboard?days={days}"), "days");
        Assert.Contains("90", problem.Errors!["days"][0]);
    }

    [Fact]
    public async Task Channels_and_statuses_keep_their_codes_and_carry_names_in_the_callers_language()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 1);
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)) with { Channel = "jd" });
        await _api.Act(order.OrderId, "approve");
        await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));
        await _api.ReadModelCaughtUp();

        var zh = await _api.GetIn("/api/reports/dashboard?days=1", "zh-CN");
        Assert.Equal("京东", Name(zh, "channels", "jd"));
        Assert.Equal("待审核", Name(zh, "byStatus", "PendingReview"));
        Assert.Equal("已审核", Name(zh, "byStatus", "Approved"));
        var en = await _api.GetIn("/api/reports/dashboard?days=1", "en");
        Assert.Equal("JD.com", Name(en, "channels", "jd"));
        Assert.Equal("Pending review", Name(en, "byStatus", "PendingReview"));
    }

    /// <summary>The name beside a code in one of the dashboard's lists.</summary>
    private static string? Name(JsonElement data, string list, string code) =>
        data.GetProperty(list).EnumerateArray().Single(p => p.GetProperty("label").GetString() == code).GetProperty("name").GetString();

    private sealed record Figures(int Orders, decimal Sales, int Pending, decimal PendingAmount, IReadOnlyList<string> TopSkus);
}
