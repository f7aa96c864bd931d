using System.Text.Json;

namespace CloudOMS.Billing.Tests;

/// <summary>
/// An unpaid renewal makes a tenant past due, read-only after the grace period (viewing, exporting and paying
/// still work), and paying restores it at once; billing's clock is moved by days, the grains keep real time.
/// These tests move one shared clock forward, so they run one after another in this class.
/// </summary>
public sealed class DunningTests(BillingPortal billing) : IClassFixture<BillingPortal>
{
    [Fact]
    public async Task Unpaid_renewal_goes_past_due_then_read_only_and_payment_restores_it_at_once()
    {
        var (_, admin) = await billing.NewCompany();
        var sku = await admin.CreateSku();
        await billing.Buy(admin, "starter");
        Assert.Equal("Active", (await Billing(admin)).GetProperty("status").GetString());

        billing.Clock.Advance(TimeSpan.FromDays(32));
        await billing.Sweep();
        var pastDue = await Billing(admin);
        Assert.Equal("PastDue", pastDue.GetProperty("status").GetString());
        Assert.Equal("Full", pastDue.GetProperty("access").GetString());
        var renewal = pastDue.GetProperty("openInvoices").EnumerateArray().Single();
        Assert.Equal("Renewal", renewal.GetProperty("kind").GetString());
        Assert.Equal(199m, renewal.GetProperty("amount").GetDecimal());
        await admin.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));

        billing.Clock.Advance(TimeSpan.FromDays(8));
        await billing.Sweep();
        Assert.Equal("ReadOnly", (await Billing(admin)).GetProperty("access").GetString());
        var refused = await OmsClient.Read<JsonElement>(await admin.Post("/api/orders", NewOrder.For(NewOrder.Line(sku, 1))), HttpStatusCode.PaymentRequired);
        Assert.Contains("只读", refused.GetProperty("detail").GetString());
        Assert.Equal("payment_required", refused.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.PaymentRequired, (await admin.Post("/api/skus", new SkuBody("RO-1", "只读期商品", null, "个", 1m, 0.1m, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/api/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/api/billing/invoices")).StatusCode);

        await billing.MarkPaid(renewal.GetProperty("id").GetString()!);

        var restored = await Billing(admin);
        Assert.Equal(("Active", "Full"), (restored.GetProperty("status").GetString(), restored.GetProperty("access").GetString()));
        await admin.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));
    }

    [Fact]
    public async Task A_trial_ends_on_the_free_plan_with_its_data_kept()
    {
        var (_, admin) = await billing.NewCompany();
        var sku = await admin.CreateSku();
        var order = await admin.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));

        billing.Clock.Advance(TimeSpan.FromDays(15));
        await billing.Sweep();

        var now = await Billing(admin);
        Assert.Equal(("free", "Active"), (now.GetProperty("plan").GetProperty("code").GetString(), now.GetProperty("status").GetString()));
        Assert.Equal(order.OrderId, (await admin.Order(order.OrderId)).OrderId);
    }

    [Fact]
    public async Task A_suspended_company_can_change_nothing_until_resumed()
    {
        var (company, admin) = await billing.NewCompany();

        await billing.Operator(console => console.Suspend(company.Slug, true, "ops@cloudoms.cn"));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Post("/api/skus", new SkuBody("SUS-1", "暂停期商品", null, "个", 1m, 0.1m, 0))).StatusCode);

        await billing.Operator(console => console.Suspend(company.Slug, false, "ops@cloudoms.cn"));
        Assert.Equal(HttpStatusCode.Created, (await admin.Post("/api/skus", new SkuBody("SUS-1", "暂停期商品", null, "个", 1m, 0.1m, 0))).StatusCode);
        var audit = await admin.Get<JsonElement>("/api/audit");
        Assert.Contains(audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()), a => a == "billing.suspended");
    }

    private static Task<JsonElement> Billing(OmsClient admin) => admin.Get<JsonElement>("/api/billing");
}
