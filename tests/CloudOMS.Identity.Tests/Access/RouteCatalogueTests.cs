namespace CloudOMS.Identity.Tests.Access;

/// <summary>The host's /api routes as its endpoint data source lists them: what the permission and isolation tests walk.</summary>
[Collection(AdminPortal.Name)]
public sealed class RouteCatalogueTests(IdentityPortal portal)
{
    [Fact]
    public void Route_catalogue_holds_the_api_of_every_area()
    {
        var routes = ApiRoutes.Of(portal.Factory).Select(r => r.ToString()).ToList();

        Assert.Superset(new HashSet<string>
        {
            "GET /api/orders", "POST /api/orders/{orderId}/approve", "GET /api/stock/{skuCode}", "PUT /api/warehouses/{code}",
            "POST /api/skus", "POST /api/signup", "GET /api/me", "PUT /api/users/{userId}/roles", "POST /api/api-clients/{clientId}/revoke",
            "DELETE /api/roles/{roleId}", "GET /api/audit", "PUT /api/tenant/security",
        }, routes.ToHashSet());
    }

    [Fact]
    public async Task Every_api_route_declares_a_known_permission_except_sign_up_and_the_stripe_webhook()
    {
        var known = (await portal.DemoApi.Get<List<System.Text.Json.JsonElement>>("/api/permissions")).Select(p => p.GetProperty("code").GetString()).ToHashSet();
        var routes = ApiRoutes.Of(portal.Factory);

        // Stripe's webhook carries no token: its Stripe-Signature header is checked instead (the billing tests cover it).
        Assert.Equal(["POST /api/billing/stripe/webhook", "POST /api/signup"], routes.Where(r => r.Anonymous).Select(r => r.ToString()));
        Assert.All(routes.Where(r => !r.Anonymous), r =>
        {
            Assert.True(r.Permissions.Count > 0, $"{r} declares no permission");
            Assert.All(r.Permissions, code => Assert.True(code == "" || known.Contains(code), $"{r} needs '{code}', which is not in the catalogue"));
        });
    }

    [Fact]
    public async Task Every_api_route_but_sign_up_answers_401_without_a_token()
    {
        using var anonymous = portal.NewHttp();
        var wrong = new List<string>();

        foreach (var route in ApiRoutes.Of(portal.Factory).Where(r => !r.Anonymous))
        {
            using var response = await anonymous.SendAsync(route.Request(_ => "X-1", null));
            if (response.StatusCode != HttpStatusCode.Unauthorized) wrong.Add($"{route} → {(int)response.StatusCode}");
        }

        Expect.None(wrong);
    }
}
