using System.Text.Json;
using System.Text.Json.Nodes;
using CloudOMS.Grains;
using NewOrder = CloudOMS.WebPortal.Testing.NewOrder;
using CloudOMS.Silo.Projection;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.Identity.Tests.Isolation;

/// <summary>
/// One company's order is stored in a shape the read model cannot take (as a bug or a hand-edited row would leave
/// it). The read model must set that one change aside and go on: the other company's new orders still appear at
/// once, the operator sees what failed, and a newer version that applies releases it without a restart.
/// </summary>
public sealed class ReadModelQuarantineTests(IdentityPortal portal) : IClassFixture<IdentityPortal>
{
    private ProjectionQuarantine Quarantine => portal.Factory.Services.GetRequiredService<ProjectionQuarantine>();

    [Fact]
    public async Task A_change_the_database_refuses_is_set_aside_and_another_companys_orders_still_appear()
    {
        var (key, state) = await StoredOrderOfANewCompany();
        var good = state.DeepClone();
        state["customer"]!["name"] = null; // the read model's column is NOT NULL: the database refuses the row

        await StoredStates.Overwrite(portal.Factory, StorageNames.Order, key, state);

        await OrdersOfTheDemoCompanyAppear(3);
        var entry = await Eventually.Until(() => Quarantine.List(100), q => q.Any(e => e.GrainKey == key));
        Assert.Equal(GrainKeys.TenantIdOf(key), entry.Single(e => e.GrainKey == key).TenantId);
        Assert.Contains("null", entry.Single(e => e.GrainKey == key).Error, StringComparison.OrdinalIgnoreCase);
        await ReadinessSays("Degraded", "quarantined");

        // The fix reaches storage as a newer version: it applies and the quarantine lets go, no restart needed.
        await StoredStates.Overwrite(portal.Factory, StorageNames.Order, key, good);
        await Eventually.Until(() => Quarantine.List(100), q => q.All(e => e.GrainKey != key));
        await OrdersOfTheDemoCompanyAppear(1);
    }

    [Fact]
    public async Task A_state_that_is_not_json_is_set_aside_and_the_operator_retry_applies_it_once_fixed()
    {
        var (key, state) = await StoredOrderOfANewCompany();

        await StoredStates.Overwrite(portal.Factory, StorageNames.Order, key, "{\"orderId\": "u8.ToArray());

        await OrdersOfTheDemoCompanyAppear(2);
        await Eventually.Until(() => Quarantine.List(100), q => q.Any(e => e.GrainKey == key && e.Error.Contains("Json", StringComparison.Ordinal)));
        var stillBroken = await Quarantine.Retry(StorageNames.Order, key);
        Assert.False(stillBroken.Applied);
        Assert.Contains(await Quarantine.List(100), e => e.GrainKey == key && e.Attempts >= 2);

        await StoredStates.Overwrite(portal.Factory, StorageNames.Order, key, state);
        await Eventually.Until(() => Quarantine.List(100), q => q.All(e => e.GrainKey != key));
        Assert.True((await Quarantine.Retry(StorageNames.Order, key)).Applied);
    }

    [Fact]
    public async Task A_nul_character_stored_past_the_edge_stops_no_other_company()
    {
        var (key, state) = await StoredOrderOfANewCompany();
        state["customer"]!["name"] = "王\u0000五"; // PostgreSQL text cannot hold U+0000; SQLite can

        await StoredStates.Overwrite(portal.Factory, StorageNames.Order, key, state);

        await OrdersOfTheDemoCompanyAppear(3);
        if (PortalFactory.OnPostgres)
            await Eventually.Until(() => Quarantine.List(100), q => q.Any(e => e.GrainKey == key));
        else
            Assert.DoesNotContain(await Quarantine.List(100), e => e.GrainKey == key);
    }

    /// <summary>A new company's order, stored and projected; its grain key and stored state.</summary>
    private async Task<(string Key, JsonNode State)> StoredOrderOfANewCompany()
    {
        var (company, admin) = await portal.NewCompany();
        var sku = await admin.CreateSku();
        var order = await admin.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));
        await admin.OrdersWhen($"q={order.OrderId}", p => p.Total == 1);
        var key = GrainKeys.Order(company.Slug, order.OrderId);
        return (key, await StoredStates.Read(portal.Factory, StorageNames.Order, key));
    }

    /// <summary>The demo company's new orders show in its list: the projection is not held up.</summary>
    private async Task OrdersOfTheDemoCompanyAppear(int count)
    {
        var sku = await portal.DemoApi.CreateSku();
        for (var i = 0; i < count; i++)
        {
            var order = await portal.DemoApi.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));
            await portal.DemoApi.OrdersWhen($"q={order.OrderId}", p => p.Total == 1);
        }
    }

    private async Task ReadinessSays(string status, string words)
    {
        using var http = portal.NewHttp();
        var body = await Eventually.Until(async () => JsonDocument.Parse(await http.GetStringAsync("/health/ready")).RootElement.Clone(),
            r => r.GetProperty("checks").EnumerateArray().Any(c => c.GetProperty("name").GetString() == "read-model-projection" && c.GetProperty("status").GetString() == status));
        var check = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "read-model-projection");
        Assert.Contains(words, check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
