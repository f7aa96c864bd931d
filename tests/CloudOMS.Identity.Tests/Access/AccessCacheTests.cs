namespace CloudOMS.Identity.Tests.Access;

/// <summary>
/// Bearer calls in the steady state read nothing from the identity database, yet every change that takes
/// access away (or gives it) counts on the very next call. Revoked clients, revoked tokens and deactivated
/// members are in ClientCredentialsTests, AccessTokenRevocationTests and RefreshTokenTests.
/// </summary>
public sealed class AccessCacheTests(IdentityPortal portal) : IClassFixture<IdentityPortal>
{
    private const string Stock = "/api/stock?pageSize=1";

    [Fact]
    public async Task Repeated_bearer_calls_of_a_client_and_a_user_read_nothing_from_the_identity_database()
    {
        var clerk = await portal.SignInApi(Seed.ClerkEmail, IdentityPortal.DemoPassword);
        using var queries = new IdentityQueries(portal.Factory);

        foreach (var caller in new[] { portal.DemoApi, clerk })
        {
            // The first calls fill the cache (on PostgreSQL once this instance listens for changes).
            await Eventually.Until(async () =>
            {
                queries.Clear();
                Assert.Equal(HttpStatusCode.OK, (await caller.Get(Stock)).StatusCode);
                return queries.Seen;
            }, seen => seen.Count == 0);

            for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await caller.Get(Stock)).StatusCode);

            Assert.Empty(queries.Seen);
        }
    }

    [Fact]
    public async Task Signing_in_and_renewing_a_token_leave_other_callers_answered_from_the_cache()
    {
        var email = Companies.NewEmail("renew");
        await portal.Invite(portal.DemoApi, "销售", email);
        using var queries = new IdentityQueries(portal.Factory);
        await Eventually.Until(async () =>
        {
            queries.Clear();
            Assert.Equal(HttpStatusCode.OK, (await portal.DemoApi.Get(Stock)).StatusCode);
            return queries.Seen;
        }, seen => seen.Count == 0);

        // A code and a refresh token are redeemed here: neither is ever a bearer token, so no cache is emptied.
        var tokens = await portal.SignIn(email, Companies.Password);
        var renewed = await portal.Refresh(tokens.RefreshToken!);
        Assert.False(renewed.IsError, renewed.Error);
        queries.Clear();
        Assert.Equal(HttpStatusCode.OK, (await portal.DemoApi.Get(Stock)).StatusCode);

        Assert.Empty(queries.Seen);
    }

    [Fact]
    public async Task A_permission_taken_from_a_role_is_refused_on_the_next_call_and_given_back_admitted_on_the_next()
    {
        var (role, member) = await MemberWithRole("inventory.view", "orders.view");
        await Twice(member, Stock, HttpStatusCode.OK);

        var narrowed = await portal.DemoApi.Put($"/api/roles/{role.Id}", new { name = role.Name, permissions = new[] { "orders.view" }, warehouses = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        var refused = await OmsClient.Problem(await member.Get(Stock), HttpStatusCode.Forbidden);
        Assert.Contains("inventory.view", refused.Detail);
        await Twice(member, "/api/orders?pageSize=1", HttpStatusCode.OK);

        var widened = await portal.DemoApi.Put($"/api/roles/{role.Id}", new { name = role.Name, permissions = new[] { "orders.view", "inventory.view" }, warehouses = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Get(Stock)).StatusCode);
    }

    [Fact]
    public async Task A_member_moved_to_another_role_gets_that_roles_permissions_on_the_next_call()
    {
        var (_, member) = await MemberWithRole("inventory.view");
        var userId = (await member.Get<MeView>("/api/me")).Actor;
        await Twice(member, Stock, HttpStatusCode.OK);
        var ordersOnly = await NewRole("orders.view");
        var id = (await portal.DemoApi.Get<List<MemberView>>("/api/users")).Single(m => m.Email == userId).Id;

        var moved = await portal.DemoApi.Put($"/api/users/{id}/roles", new { roleIds = new[] { ordersOnly.Id } });

        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        await OmsClient.Problem(await member.Get(Stock), HttpStatusCode.Forbidden);
        Assert.Equal(["orders.view"], (await member.Get<MeView>("/api/me")).Permissions);
    }

    private async Task Twice(OmsClient caller, string path, HttpStatusCode expected)
    {
        for (var i = 0; i < 2; i++) Assert.Equal(expected, (await caller.Get(path)).StatusCode);
    }

    private async Task<RoleView> NewRole(params string[] permissions) =>
        await portal.DemoApi.Post<RoleView>("/api/roles", new { name = "缓存 " + Guid.NewGuid().ToString("N")[..8], permissions, warehouses = Array.Empty<string>() }, HttpStatusCode.Created);

    private async Task<(RoleView Role, OmsClient Member)> MemberWithRole(params string[] permissions)
    {
        var role = await NewRole(permissions);
        var email = Companies.NewEmail("cache");
        await portal.Invite(portal.DemoApi, role.Name, email);
        return (role, await portal.SignInApi(email, Companies.Password));
    }
}
