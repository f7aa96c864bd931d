using System.Text.Json;

namespace CloudOMS.Billing.Tests;

/// <summary>Buying, upgrading and downgrading through the billing API, paid by bank transfer.</summary>
[Collection(SharedBillingPortal.Name)]
public sealed class PlanChangeTests(BillingPortal billing)
{
    [Fact]
    public async Task A_trial_purchase_waits_for_the_transfer_then_the_plan_and_its_limits_apply()
    {
        var (company, admin) = await billing.NewCompany();

        var change = await admin.Post<JsonElement>("/api/billing/change", new { plan = "enterprise", cycle = "Yearly" });

        var invoice = change.GetProperty("invoice");
        Assert.Equal(19990m, invoice.GetProperty("amount").GetDecimal());
        Assert.StartsWith("COMS-", invoice.GetProperty("reference").GetString());
        Assert.Equal(company.Name, invoice.GetProperty("companyName").GetString());
        Assert.Equal("pro", (await Plan(admin)).GetProperty("code").GetString());

        await billing.MarkPaid(invoice.GetProperty("id").GetString()!);

        var plan = await Plan(admin);
        Assert.Equal("enterprise", plan.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("quotas").GetProperty("ordersPerMonth").ValueKind);
        for (var i = 0; i <= BillingPortal.Skus; i++) await admin.CreateSku();
    }

    [Fact]
    public async Task An_upgrade_applies_at_once_and_invoices_the_rest_of_the_period()
    {
        var (_, admin) = await billing.NewCompany();
        await billing.Buy(admin, "starter");

        var change = await admin.Post<JsonElement>("/api/billing/change", new { plan = "enterprise", cycle = "Monthly" });

        Assert.Equal("changed", change.GetProperty("result").GetString());
        Assert.Equal("enterprise", (await Plan(admin)).GetProperty("code").GetString());
        Assert.InRange(change.GetProperty("invoice").GetProperty("amount").GetDecimal(), 1700m, 1800m);
    }

    [Fact]
    public async Task A_downgrade_below_current_usage_is_refused_with_the_reason_and_a_fitting_one_waits_for_period_end()
    {
        var (_, admin) = await billing.NewCompany();
        await billing.Buy(admin, "enterprise");
        await admin.CreateWarehouse(1);
        await admin.CreateWarehouse(2);

        var refused = await OmsClient.FieldError(await admin.Post("/api/billing/change", new { plan = "free", cycle = "Monthly" }), "plan");
        Assert.Contains("仓库 2", refused.Errors!["plan"][0]);
        Assert.Contains("免费版上限 1", refused.Errors!["plan"][0]);

        var later = await admin.Post<JsonElement>("/api/billing/change", new { plan = "starter", cycle = "Monthly" });
        Assert.Equal("at-period-end", later.GetProperty("result").GetString());
        var now = await admin.Get<JsonElement>("/api/billing");
        Assert.Equal(("enterprise", "starter"), (now.GetProperty("plan").GetProperty("code").GetString(), now.GetProperty("pendingPlan").GetString()));
    }

    [Fact]
    public async Task Unknown_plans_and_cycles_are_refused_by_field()
    {
        var (_, admin) = await billing.NewCompany();

        await OmsClient.FieldError(await admin.Post("/api/billing/change", new { plan = "platinum", cycle = "Monthly" }), "plan");
        await OmsClient.FieldError(await admin.Post("/api/billing/change", new { plan = "pro", cycle = "Weekly" }), "cycle");
        await OmsClient.FieldError(await admin.Post("/api/billing/cancel"), "plan");
    }

    [Fact]
    public async Task Without_a_paid_plan_cancel_and_resume_each_say_what_they_could_not_do()
    {
        var (_, admin) = await billing.NewCompany();

        var cancel = await OmsClient.FieldError(await admin.Post("/api/billing/cancel"), "plan");
        var resume = await OmsClient.FieldError(await admin.Post("/api/billing/resume"), "plan");

        Assert.Contains("可取消", cancel.Errors!["plan"][0]);
        Assert.Contains("恢复续订", resume.Errors!["plan"][0]);
        Assert.Contains("可恢复续订", resume.Errors["plan"][0]);
        Assert.DoesNotContain("cancel", resume.Errors["plan"][0]);
    }

    private static async Task<JsonElement> Plan(OmsClient admin) => (await admin.Get<JsonElement>("/api/billing")).GetProperty("plan");
}
