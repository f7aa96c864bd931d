using System.Text.Json;

namespace CloudOMS.WebPortal.Tests.Inventory;

[Collection(StockPortal.Name)]
public sealed class StockAuditTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Audit_after_reserving_shipping_and_cancelling_finds_no_drift()
    {
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 20);
        await _api.Receive(sku, OmsClient.JinanWarehouse, 20);
        var held = await Approved(sku, 3);
        var shipped = await Approved(sku, 2);
        await _api.Act(shipped.OrderId, "ship", new { carrier = "SF", trackingNo = Unique.TrackingNo() });
        var cancelled = await Approved(sku, 4);
        await _api.Act(cancelled.OrderId, "cancel", new { reason = "客户取消" });
        var refused = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 500)));
        await OmsClient.Problem(await _api.Post($"/api/orders/{refused.OrderId}/approve"), HttpStatusCode.Conflict);

        await _api.ReadModelCaughtUp();

        var response = await _api.Post("/api/stock/audit");

        var report = await OmsClient.Read<StockAuditView>(response, HttpStatusCode.OK);
        using (var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
            Assert.Equal(0, document.RootElement.GetProperty("drift").GetArrayLength());
        Assert.True(report.Clean);
        Assert.Equal("demo", report.TenantId);
        Assert.True(report.SkusChecked >= 52, $"only {report.SkusChecked} SKUs checked");
        Assert.True(report.OrdersHoldingStock >= 1, "the order still holding stock was not counted");
        Assert.Equal(OmsClient.MainWarehouse, held.Warehouse);
        Assert.Equal(3, (await _api.Level(sku, OmsClient.MainWarehouse)).Reserved);
        var last = await _api.Get<StockAuditView>("/api/stock/audit");
        Assert.Equal((report.At, report.SkusChecked, report.OrdersHoldingStock, 0), (last.At, last.SkusChecked, last.OrdersHoldingStock, last.Drift?.Count));
    }

    private async Task<OrderView> Approved(string sku, int quantity)
    {
        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, quantity)));
        return await _api.Act(order.OrderId, "approve");
    }
}
