using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewOrder = CloudOMS.WebPortal.Testing.NewOrder;

namespace CloudOMS.WebPortal.Tests.Containment;

/// <summary>
/// Every sum CloudOMS stores or shows fits its type: orders at the maximum total add up exactly on the dashboard
/// (sales and orders awaiting review past 2^31 fen, units of one SKU and day past 2^31), and an order over the
/// maximum total is refused.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class NumericBoundsTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Orders_at_the_maximum_total_add_up_exactly_on_the_dashboard()
    {
        var sku = await _api.CreateSku();
        var sold = await _api.CreateSku(price: Limits.MaxMoney);
        await _api.Receive(sold, OmsClient.MainWarehouse, 1);
        // The portal is shared: what the classes before this one wrote is in the figures before these orders are.
        await _api.ReadModelCaughtUp();
        var before = await Dashboard();
        // 200 lines of 1,000,000 units at 0.50: exactly the maximum total; 11 such orders hold 2.2 billion units of one SKU.
        // They await review (there is no such stock), so they count apart from sales; one approved order at the maximum is a sale.
        var lines = Enumerable.Repeat(NewOrder.Line(sku, Limits.MaxQuantity, Limits.MaxOrderTotal / Limits.MaxLines / Limits.MaxQuantity), Limits.MaxLines).ToArray();
        const int orders = 11;
        for (var i = 0; i < orders; i++)
            Assert.Equal(Limits.MaxOrderTotal, (await _api.CreateOrder(NewOrder.For(lines))).Total);
        var sale = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sold, 1, Limits.MaxMoney)));
        Assert.Equal(Limits.MaxOrderTotal, sale.Total);
        await _api.Act(sale.OrderId, "approve");

        var after = await Eventually.Until(Dashboard, d => d.Kpis.Pending == before.Kpis.Pending + orders && d.Kpis.Orders == before.Kpis.Orders + 1);

        Assert.Equal(before.Kpis.PendingAmount + orders * Limits.MaxOrderTotal, after.Kpis.PendingAmount);
        Assert.Equal(before.Kpis.Sales + Limits.MaxOrderTotal, after.Kpis.Sales);
        Assert.Equal(before.DailySales[^1].Value + Limits.MaxOrderTotal, after.DailySales[^1].Value);
        // The units of the SKU's day are kept per status in the read model, past 2^31 in one row.
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync();
        var units = await db.SkuDayTotals.IgnoreQueryFilters().Where(t => t.SkuCode == sku && t.Status == "PendingReview").SumAsync(t => t.Quantity);
        Assert.Equal(orders * (long)Limits.MaxLines * Limits.MaxQuantity, units);
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

    private sealed record KpisView(decimal Sales, long Orders, long Pending, decimal PendingAmount);

    private sealed record PointView(string Label, decimal Value);

    private sealed record DashboardView(KpisView Kpis, IReadOnlyList<PointView> DailySales, IReadOnlyList<PointView> TopSkus);
}
