using CloudOMS.Identity.Access;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CloudOMS.Identity.Tests.Identity;

/// <summary>
/// Two portal instances on one PostgreSQL database, as production runs them (one Orleans cluster, the keys
/// folder shared): each answers bearer calls from its own cache, and a change made through one is refused by
/// the other on the very next call, with no wait in between (AccessCache states the guarantee).
/// </summary>
[Trait(StorageRounds.Trait, StorageRounds.Fixed)]
public sealed class CrossInstanceAccessTests : IAsyncLifetime
{
    private const string Orders = "/api/orders?pageSize=1";
    private string _database = "";
    private IdentityPortal _first = null!;
    private IdentityPortal _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabase();
        var folder = Path.Combine(Path.GetTempPath(), "cloudoms-webtests", Guid.NewGuid().ToString("N"));
        var first = Instance(folder, "first", cluster: null);
        _first = new IdentityPortal(first);
        _second = new IdentityPortal(Instance(folder, "second", first.ClusterId));
        await _first.InitializeAsync();
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await TestPostgres.DropDatabase(_database);
    }

    [Fact]
    public async Task A_client_revoked_through_one_instance_is_refused_by_the_other_on_the_next_call()
    {
        var created = await _first.DemoApi.Post<NewApiClientView>("/api/api-clients", new ApiClientBody("跨实例对接", ["orders.view"]), HttpStatusCode.Created);
        var token = await _first.ClientCredentials(created.ClientId, created.ClientSecret);
        var onSecond = await Cached(_second, token.AccessToken!);

        Assert.Equal(HttpStatusCode.NoContent, (await _first.DemoApi.Post($"/api/api-clients/{created.ClientId}/revoke")).StatusCode);

        await OmsClient.Problem(await onSecond.Get(Orders), HttpStatusCode.Unauthorized);
        await OmsClient.Problem(await _first.ApiWith(token.AccessToken!).Get(Orders), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_revoked_at_one_instance_is_refused_by_the_other_on_the_next_call()
    {
        var token = await _first.ClientCredentials(PortalFactory.DemoApiClientId, PortalFactory.DemoApiSecret);
        var onSecond = await Cached(_second, token.AccessToken!);

        using var http = _first.NewHttp();
        var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = PortalFactory.DemoApiClientId, ClientSecret = PortalFactory.DemoApiSecret,
            Token = token.AccessToken!, TokenTypeHint = "access_token",
        });
        Assert.False(revoked.IsError, revoked.Error);

        await OmsClient.Problem(await onSecond.Get(Orders), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_member_deactivated_or_narrowed_through_one_instance_is_refused_by_the_other_on_the_next_call()
    {
        var role = await _first.DemoApi.Post<RoleView>("/api/roles", new { name = "跨实例", permissions = new[] { "orders.view", "inventory.view" }, warehouses = Array.Empty<string>() }, HttpStatusCode.Created);
        var email = Companies.NewEmail("cross");
        var userId = await _first.Invite(_first.DemoApi, role.Name, email);
        var tokens = await _first.SignIn(email, Companies.Password);
        var onSecond = await Cached(_second, tokens.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.Get("/api/stock?pageSize=1")).StatusCode);

        var narrowed = await _first.DemoApi.Put($"/api/roles/{role.Id}", new { name = role.Name, permissions = new[] { "orders.view" }, warehouses = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        await OmsClient.Problem(await onSecond.Get("/api/stock?pageSize=1"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.Get(Orders)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _first.DemoApi.Post($"/api/users/{userId}/deactivate")).StatusCode);
        await OmsClient.Problem(await onSecond.Get(Orders), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_instance_whose_listener_hangs_still_refuses_a_revoked_client_once_the_revocation_answers()
    {
        var created = await _first.DemoApi.Post<NewApiClientView>("/api/api-clients", new ApiClientBody("挂起对接", ["orders.view"]), HttpStatusCode.Created);
        var token = await _first.ClientCredentials(created.ClientId, created.ClientSecret);
        var onSecond = await Cached(_second, token.AccessToken!);

        // The second instance's listening backend stops answering (a hung server or a lost network, for that one
        // connection): the instance neither hears the change nor acknowledges it, and still trusts its cache for
        // the rest of its lease. The revocation answers only once that lease has lapsed.
        var listener = await ListenerBackend("cloudoms-second");
        await Signal("STOP", listener);
        try
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _first.DemoApi.Post($"/api/api-clients/{created.ClientId}/revoke")).StatusCode);

            await OmsClient.Problem(await onSecond.Get(Orders), HttpStatusCode.Unauthorized);
        }
        finally
        {
            await Signal("CONT", listener);
        }
    }

    private async Task<int> ListenerBackend(string applicationName)
    {
        await using var admin = new NpgsqlConnection(_database);
        await admin.OpenAsync();
        await using var find = new NpgsqlCommand("""
            SELECT pid FROM pg_stat_activity WHERE application_name = @name AND query LIKE 'INSERT INTO identity."AccessListeners"%'
            """, admin);
        find.Parameters.AddWithValue("name", applicationName);
        return (int)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException($"{applicationName} has no listening connection"));
    }

    private static async Task Signal(string signal, int pid)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>
    /// A client of <paramref name="portal"/> with the token, once the instance answers its calls from the cache. It
    /// names the first instance as the host, as a load balancer in front of both passes on the one public name
    /// (the token's issuer).
    /// </summary>
    private async Task<OmsClient> Cached(IdentityPortal portal, string accessToken)
    {
        var api = portal.ApiWith(accessToken);
        api.Http.DefaultRequestHeaders.Host = _first.Address.Authority;
        using var queries = new IdentityQueries(portal.Factory);
        await Eventually.Until(async () =>
        {
            queries.Clear();
            Assert.Equal(HttpStatusCode.OK, (await api.Get(Orders)).StatusCode);
            return queries.Seen;
        }, seen => seen.Count == 0);
        Assert.NotNull(portal.Factory.Services.GetRequiredService<AccessCache>().Current);
        return api;
    }

    private PortalFactory Instance(string folder, string name, string? cluster)
    {
        // One data folder: the signing keys are shared, as on a volume every instance mounts.
        var factory = new PortalFactory { DataDirectory = folder };
        foreach (var (key, value) in TestPostgres.Settings(_database)) factory.Settings[key] = value;
        factory.Settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(_database) { ApplicationName = $"cloudoms-{name}" }.ConnectionString;
        if (cluster is not null) factory.Settings["CloudOms:ClusterId"] = cluster;
        return factory;
    }
}
