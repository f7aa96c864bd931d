using System.Text.Json;

namespace CloudOMS.Identity.Tests.Identity;

/// <summary>Integration clients: created by an admin with a subset of permissions, then revoked.</summary>
[Collection(SignInPortal.Name)]
public sealed class ClientCredentialsTests(IdentityPortal portal)
{
    private async Task<NewApiClientView> CreateClient(OmsClient admin, params string[] permissions) =>
        await admin.Post<NewApiClientView>("/api/api-clients", new ApiClientBody($"对接 {Guid.NewGuid():N}"[..12], permissions), HttpStatusCode.Created);

    private async Task<OmsClient> Connect(NewApiClientView client)
    {
        var token = await portal.ClientCredentials(client.ClientId, client.ClientSecret);
        Assert.False(token.IsError, $"{token.Error} {token.ErrorDescription}");
        return portal.ApiWith(token.AccessToken!);
    }

    [Fact]
    public async Task Client_with_orders_view_reads_orders_and_is_refused_everything_else()
    {
        var admin = await portal.SignInApi(Seed.AdminEmail, IdentityPortal.DemoPassword);
        var client = await Connect(await CreateClient(admin, "orders.view"));

        var orders = await client.Orders("pageSize=5");
        Assert.True(orders.Total > 0, "the demo tenant's orders are not visible");

        var create = await OmsClient.Problem(await client.Post("/api/orders", NewOrder.For(NewOrder.Line("SKU-X", 1))), HttpStatusCode.Forbidden);
        Assert.Contains("orders.edit", create.Detail);
        var stock = await OmsClient.Problem(await client.Get("/api/stock"), HttpStatusCode.Forbidden);
        Assert.Contains("inventory.view", stock.Detail);
        var me = await client.Get<MeView>("/api/me");
        Assert.Equal(["orders.view"], me.Permissions);
        Assert.Equal("demo", me.TenantId);
    }

    [Fact]
    public async Task Client_secret_is_shown_once_and_never_listed()
    {
        var created = await CreateClient(portal.DemoApi, "orders.view");

        var list = await portal.DemoApi.Http.GetStringAsync("/api/api-clients");

        Assert.Contains(created.ClientId, list);
        Assert.DoesNotContain(created.ClientSecret, list);
        Assert.True(created.ClientSecret.Length >= 32, "the secret is too short to be a secret");
    }

    [Fact]
    public async Task Client_cannot_grant_a_permission_it_does_not_hold()
    {
        var manager = await Connect(await CreateClient(portal.DemoApi, "api.manage", "orders.view"));

        await OmsClient.FieldError(await manager.Post("/api/api-clients", new ApiClientBody("更多权限", ["orders.view", "orders.edit"])), "permissions");
        var allowed = await manager.Post<NewApiClientView>("/api/api-clients", new ApiClientBody("同等权限", ["orders.view"]), HttpStatusCode.Created);
        Assert.Equal(["orders.view"], allowed.Permissions);
    }

    [Fact]
    public async Task Revoked_client_loses_its_current_token_and_gets_no_new_one()
    {
        var created = await CreateClient(portal.DemoApi, "orders.view");
        var client = await Connect(created);
        await client.Orders("pageSize=1");

        var revoke = await portal.DemoApi.Post($"/api/api-clients/{created.ClientId}/revoke");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        // Revoking removes the client's stored tokens, so its current token is no longer a valid credential.
        await OmsClient.Problem(await client.Get("/api/orders"), HttpStatusCode.Unauthorized);
        var again = await portal.ClientCredentials(created.ClientId, created.ClientSecret);
        Assert.True(again.IsError, "a revoked client got a new token");
        Assert.Equal("invalid_client", again.TryGet("error"));
        var listed = (await portal.DemoApi.Get<List<JsonElement>>("/api/api-clients")).Single(c => c.GetProperty("clientId").GetString() == created.ClientId);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Wrong_secret_gets_no_token()
    {
        var created = await CreateClient(portal.DemoApi, "orders.view");

        var token = await portal.ClientCredentials(created.ClientId, created.ClientSecret + "x");

        Assert.True(token.IsError);
        Assert.Equal("invalid_client", token.TryGet("error"));
    }

    [Fact]
    public async Task Api_refuses_a_token_made_for_another_audience()
    {
        // Tokens signed with the server's own key, the same but for the audience: only the audience decides.
        var forger = new TokenForger(portal);
        var ours = portal.ApiWith(forger.AccessToken("cloudoms-api"));
        var theirs = portal.ApiWith(forger.AccessToken("billing-api"));

        Assert.Equal("demo", (await ours.Get<MeView>("/api/me")).TenantId);
        await OmsClient.Problem(await theirs.Get("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_refuses_a_missing_or_garbled_token_with_401()
    {
        using var anonymous = portal.NewHttp();
        var none = await anonymous.GetAsync("/api/orders");
        await OmsClient.Problem(none, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);

        var garbled = portal.ApiWith(new TokenForger(portal).AccessToken("cloudoms-api")[..^4] + "AAAA");
        await OmsClient.Problem(await garbled.Get("/api/orders"), HttpStatusCode.Unauthorized);
    }
}
