namespace CloudOMS.Identity.Tests.Access;

/// <summary>
/// Every route that declares a permission refuses a caller who holds every permission but that one,
/// for every route the host maps now or later.
/// </summary>
[Collection(AdminPortal.Name)]
public sealed class PermissionTests(IdentityPortal portal)
{
    private async Task<OmsClient> ClientWith(IEnumerable<string> permissions)
    {
        var created = await portal.DemoApi.Post<NewApiClientView>("/api/api-clients", new ApiClientBody("权限测试", [.. permissions]), HttpStatusCode.Created);
        var token = await portal.ClientCredentials(created.ClientId, created.ClientSecret);
        Assert.False(token.IsError, $"{token.Error} {token.ErrorDescription}");
        return portal.ApiWith(token.AccessToken!);
    }

    private async Task<List<string>> Catalogue() =>
        [.. (await portal.DemoApi.Get<List<System.Text.Json.JsonElement>>("/api/permissions")).Select(p => p.GetProperty("code").GetString()!)];

    [Fact]
    public async Task Each_route_refuses_a_caller_missing_its_permission_with_403()
    {
        var all = await Catalogue();
        var routes = ApiRoutes.Of(portal.Factory).Where(r => r.Permissions.Any(p => p != "")).ToList();
        var wrong = new List<string>();

        foreach (var permission in routes.SelectMany(r => r.Permissions).Where(p => p != "").Distinct())
        {
            var client = await ClientWith(all.Where(p => p != permission));
            foreach (var route in routes.Where(r => r.Permissions.Contains(permission)))
            {
                using var response = await client.Http.SendAsync(route.Request(_ => "X-1", new { }));
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Forbidden || !text.Contains(permission, StringComparison.Ordinal))
                    wrong.Add($"{route} without {permission} → {(int)response.StatusCode} {text}");
            }
        }

        Expect.None(wrong);
        Assert.True(routes.Count > 30, $"only {routes.Count} routes with a permission were found");
    }

    [Fact]
    public async Task Caller_holding_every_permission_passes_the_permission_check_of_every_route()
    {
        var client = await ClientWith(await Catalogue());
        var wrong = new List<string>();

        foreach (var route in ApiRoutes.Of(portal.Factory).Where(r => !r.Anonymous))
        {
            using var response = await client.Http.SendAsync(route.Request(_ => "X-1", new { }));
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500)
                wrong.Add($"{route} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Expect.None(wrong);
    }

    [Fact]
    public async Task Routes_for_any_member_admit_a_caller_with_one_unrelated_permission()
    {
        var client = await ClientWith(["reports.view"]);

        foreach (var route in ApiRoutes.Of(portal.Factory).Where(r => r.Permissions.Count > 0 && r.Permissions.All(p => p == "") && r.Method == "GET"))
        {
            using var response = await client.Http.SendAsync(route.Request(_ => "X-1", null));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} → {(int)response.StatusCode}");
        }
        Assert.Equal(["reports.view"], (await client.Get<MeView>("/api/me")).Permissions);
    }
}
