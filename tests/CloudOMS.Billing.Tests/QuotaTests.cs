using System.Text.Json;

namespace CloudOMS.Billing.Tests;

/// <summary>Each plan limit is enforced where the work happens: 402 with where to upgrade, and nothing written.</summary>
[Collection(SharedBillingPortal.Name)]
public sealed class QuotaTests(BillingPortal billing)
{
    [Fact]
    public async Task Orders_beyond_the_month_quota_answer_402_and_make_no_order()
    {
        var (_, admin) = await billing.NewCompany();
        var sku = await admin.CreateSku();
        for (var i = 0; i < BillingPortal.Orders; i++) await admin.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)));

        var refused = await Refused(await admin.Post("/api/orders", NewOrder.For(NewOrder.Line(sku, 1))), "orders");

        Assert.Contains("升级套餐", refused.GetProperty("detail").GetString());
        var usage = (await admin.Get<JsonElement>("/api/billing")).GetProperty("usage");
        Assert.Equal(BillingPortal.Orders, usage.GetProperty("ordersThisMonth").GetInt32());
    }

    [Fact]
    public async Task Skus_beyond_the_quota_answer_402_and_the_sku_does_not_exist()
    {
        var (_, admin) = await billing.NewCompany();
        for (var i = 0; i < BillingPortal.Skus; i++) await admin.CreateSku();

        await Refused(await admin.Post("/api/skus", new SkuBody("OVER-1", "超额商品", null, "个", 10m, 0.5m, 0)), "skus");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Get("/api/skus/OVER-1")).StatusCode);
    }

    [Fact]
    public async Task Warehouses_beyond_the_quota_answer_402_and_the_warehouse_does_not_exist()
    {
        var (_, admin) = await billing.NewCompany();
        await admin.CreateWarehouse(1);

        await Refused(await admin.Post("/api/warehouses", new WarehouseBody("WH-OVER", "超额仓", "山东省", "临沂市", "兰山区 1 号", 2)), "warehouses");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Get("/api/warehouses/WH-OVER")).StatusCode);
    }

    [Fact]
    public async Task Members_beyond_the_quota_cannot_be_invited_and_a_freed_seat_can_be_taken_again()
    {
        var (_, admin) = await billing.NewCompany();
        var member = await billing.Portal.Invite(admin, "销售", Companies.NewEmail("sales"));

        await Refused(await admin.Post("/api/users/invitations", new InviteBody(Companies.NewEmail("third"), [(await admin.Role("销售")).Id])), "users");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Post($"/api/users/{member}/deactivate")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.Post("/api/users/invitations", new InviteBody(Companies.NewEmail("third"), [(await admin.Role("销售")).Id]))).StatusCode);
        Assert.Equal(1, (await admin.Get<JsonElement>("/api/billing")).GetProperty("usage").GetProperty("users").GetInt32());
    }

    [Fact]
    public async Task Api_calls_beyond_the_plan_rate_answer_429_with_retry_after()
    {
        var (_, admin) = await billing.NewCompany();
        HttpResponseMessage? limited = null;
        var served = 0;
        // Twice the rate plus one: a minute boundary during the loop restarts the count at most once.
        for (var i = 0; i <= 2 * BillingPortal.ApiPerMinute && limited is null; i++)
        {
            var response = await admin.Get("/api/billing/plans");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                served++;
            }
        }

        Assert.NotNull(limited);
        Assert.InRange(served, 1, 2 * BillingPortal.ApiPerMinute);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        var problem = await OmsClient.Read<JsonElement>(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains($"{BillingPortal.ApiPerMinute}", problem.GetProperty("detail").GetString());
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
    }

    private static async Task<JsonElement> Refused(HttpResponseMessage response, string quota)
    {
        var problem = await OmsClient.Read<JsonElement>(response, HttpStatusCode.PaymentRequired);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(quota, problem.GetProperty("quota").GetString());
        Assert.Equal("quota_exceeded", problem.GetProperty("code").GetString());
        Assert.Equal("/app/settings/billing", problem.GetProperty("upgradeUrl").GetString());
        return problem;
    }
}
