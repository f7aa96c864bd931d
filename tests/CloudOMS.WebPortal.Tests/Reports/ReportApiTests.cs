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

    [Fact]
    public async Task The_dashboard_counts_an_order_created_through_the_api()
    {
        await _api.ReadModelCaughtUp();
        var before = await Today();
        var sku = await _api.CreateSku(price: 25m);
        await _api.Receive(sku, OmsClient.MainWarehouse, 10);

        await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 2, 25m)));

        var after = await Eventually.Until(Today, t => t.Orders == before.Orders + 1);
        Assert.Equal(before.Sales + 50m, after.Sales);
        var week = await _api.Get<JsonElement>("/api/reports/dashboard");
        Assert.Equal(7, week.GetProperty("dailySales").GetArrayLength());
        Assert.True(week.GetProperty("kpis").GetProperty("orders").GetInt32() >= after.Orders);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public async Task Days_outside_1_to_90_is_a_400_naming_the_field(int days)
    {
        var problem = await OmsClient.FieldError(await _api.Get($"/api/reports/dashboard?days={days}"), "days");
        Assert.Contains("90", problem.Errors!["days"][0]);
    }
}
