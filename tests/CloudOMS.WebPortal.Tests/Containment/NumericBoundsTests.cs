using CloudOMS.Grains;
using NewOrder = CloudOMS.WebPortal.Testing.NewOrder;

namespace CloudOMS.WebPortal.Tests.Containment;

/// <summary>
/// Every sum CloudOMS stores or shows fits its type: orders at the maximum total add up exactly on the dashboard
/// (sales past 2^31 fen, units of one SKU and day past 2^31), and an order over the maximum total is refused.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class NumericBoundsTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Orders_at_the_maximum_total_add_up_exactly_on_the_dashboard()
    {
        var sku = await _api.CreateSku();
        // The portal is shared: what the classes before this one wrote is in the figures before these orders are.
        await _api.ReadModelCaughtUp();
        var before = await Dashboard();
        // 200 lines of 1,000,000 units at 0.50: exactly the maximum total; 11 such orders hold 2.2 billion units of one SKU.
        var lines = Enumerable.Repeat(NewOrder.Line(sku, Limits.MaxQuantity, Limits.MaxOrderTotal / Limits.MaxLines / Limits.MaxQuantity), Limits.MaxLines).ToArray();
        const int orders = 11;
        for (var i = 0; i < orders; i++)
            Assert.Equal(Limits.MaxOrderTotal, (await _api.CreateOrder(NewOrder.For(lines))).Total);

        var after = await Eventually.Until(Dashboard, d => d.Kpis.Orders == before.Kpis.Orders + orders);

        Assert.Equal(before.Kpis.Sales + orders * Limits.MaxOrderTotal, after.Kpis.Sales);
        Assert.Equal(orders * (decimal)Limits.MaxLines * Limits.MaxQuantity, after.TopSkus[0].Value);
        Assert.Equal(before.DailySales[^1].Value + orders * Limits.MaxOrderTotal, after.DailySales[^1].Value);
    }

    [Fact]
    public async Task An_order_over_the_maximum_total_is_refused_whatever_its_lines()
    {
        var sku = await _api.CreateSku();
        var lines = Enumerable.Repeat(NewOrder.Line(sku, Limits.MaxQuantity, Limits.MaxMoney), Limits.MaxLines).ToArray();

        await OmsClient.FieldError(await _api.Post("/api/orders", NewOrder.For(lines)), "lines");
        await OmsClient.FieldError(await _api.Post("/api/orders", NewOrder.For(NewOrder.Line(sku, 1, Limits.MaxOrderTotal)) with { ShippingFee = 0.01m }), "lines");
        Assert.Equal(0, (await _api.Orders($"q={sku}")).Total);
    }

    private Task<DashboardView> Dashboard() => _api.Get<DashboardView>("/api/reports/dashboard?days=1");

    private sealed record KpisView(decimal Sales, long Orders);

    private sealed record PointView(string Label, decimal Value);

    private sealed record DashboardView(KpisView Kpis, IReadOnlyList<PointView> DailySales, IReadOnlyList<PointView> TopSkus);
}
