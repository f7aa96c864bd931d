namespace CloudOMS.Identity.Tests.Isolation;

/// <summary>
/// Companies A and B have the same warehouse codes, SKU codes, channel order number and order
/// numbers. B's admin calls every /api route the host maps (reads first, then writes), with A's ids
/// wherever a route or body takes an id. B must never see A's data, nor change it.
/// </summary>
public sealed class TenantIsolationTests(TenantIsolationTests.Walk walk) : IClassFixture<TenantIsolationTests.Walk>
{
    public sealed record Call(string Route, string Path, int Status, string Body);

    public sealed class Walk : IAsyncLifetime
    {
        public IdentityPortal Portal { get; } = new();
        public TenantData A { get; private set; } = null!;
        public TenantData B { get; private set; } = null!;
        public IReadOnlyList<ApiRoute> Routes { get; private set; } = [];
        public List<Call> Calls { get; } = [];
        public IReadOnlyDictionary<string, string> ABefore { get; private set; } = new Dictionary<string, string>();
        public IReadOnlyDictionary<string, string> AAfter { get; private set; } = new Dictionary<string, string>();

        public async Task InitializeAsync()
        {
            await Portal.InitializeAsync();
            A = await TenantData.Create(Portal, "ALPHA");
            B = await TenantData.Create(Portal, "BRAVO");
            Routes = ApiRoutes.Of(Portal.Factory);
            await A.Admin.ReadModelCaughtUp();
            ABefore = await Snapshot(A);

            foreach (var route in Routes.OrderBy(Stage))
            foreach (var path in A.Paths(route))
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
                if (route.Method is not ("GET" or "DELETE")) request.Content = JsonContent.Create(ProbeBodies.For(route, A), options: OmsClient.Json);
                using var response = await B.Admin.Http.SendAsync(request);
                Calls.Add(new Call(route.ToString(), path, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
            }

            // The projection follows one change sequence for all tenants: once B's marker shows, every earlier write is projected.
            await B.Admin.ReadModelCaughtUp();
            AAfter = await Snapshot(A);
        }

        /// <summary>Reads, then writes, then what ends things (cancel, deactivate, revoke, delete), so more writes find something to act on.</summary>
        private static int Stage(ApiRoute route) =>
            route.Method == "GET" ? 0
            : route.Method == "DELETE" || new[] { "/cancel", "/deactivate", "/revoke" }.Any(end => route.Pattern.EndsWith(end, StringComparison.Ordinal)) ? 2
            : 1;

        /// <summary>What A's admin reads from every GET route, with A's ids.</summary>
        private async Task<IReadOnlyDictionary<string, string>> Snapshot(TenantData tenant)
        {
            var views = new Dictionary<string, string>();
            foreach (var route in Routes.Where(r => r.Method == "GET"))
            foreach (var path in tenant.Paths(route))
            {
                using var response = await tenant.Admin.Http.GetAsync(path + (route.Parameters.Count == 0 ? "?pageSize=200" : ""));
                // A problem's trace id differs on every request; nothing else may.
                var body = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "");
                views[path] = $"{(int)response.StatusCode} {body}";
            }
            return views;
        }

        public Task DisposeAsync() => Portal.DisposeAsync();
    }

    [Fact]
    public void B_called_every_api_route_with_As_ids()
    {
        Assert.Equal(walk.Routes.Select(r => r.ToString()).ToHashSet(), walk.Calls.Select(c => c.Route).ToHashSet());
        Assert.Contains(walk.Calls, c => c.Path == $"/api/orders/{walk.A.OrderIds[0]}");
        Assert.Contains(walk.Calls, c => c.Path == $"/api/users/{walk.A.Company.UserId}/deactivate");
    }

    [Fact]
    public void No_call_with_another_companys_ids_fails_with_a_server_error()
    {
        Expect.None(walk.Calls.Where(c => c.Status >= 500).Select(c => $"{c.Route} {c.Path} → {c.Status} {c.Body}"));
    }

    [Fact]
    public void No_answer_to_B_contains_anything_only_A_has()
    {
        var leaks = walk.Calls.SelectMany(c => walk.A.Distinctive.Where(d => c.Body.Contains(d, StringComparison.OrdinalIgnoreCase))
            .Select(d => $"{c.Route} {c.Path} → {c.Status} shows '{d}': {c.Body}"));

        Expect.None(leaks);
    }

    [Fact]
    public void B_reads_its_own_data_under_the_codes_both_companies_use()
    {
        var reads = walk.Calls.Where(c => c.Route.StartsWith("GET ", StringComparison.Ordinal) && c.Status == 200).ToList();

        Assert.Contains(reads, c => c.Path == $"/api/skus/{TenantData.Skus[0]}" && c.Body.Contains(walk.B.Marker, StringComparison.Ordinal));
        Assert.Contains(reads, c => c.Path == $"/api/orders/{walk.A.OrderIds[0]}" && c.Body.Contains(walk.B.Marker, StringComparison.Ordinal));
        Assert.Contains(reads, c => c.Path == "/api/orders" && c.Body.Contains(walk.B.Phone, StringComparison.Ordinal));
    }

    [Fact]
    public void A_reads_the_same_on_every_get_route_after_Bs_calls()
    {
        Assert.NotEmpty(walk.ABefore);
        Assert.Contains(walk.ABefore.Values, v => v.Contains(walk.A.Marker, StringComparison.Ordinal));
        var changed = walk.ABefore.Where(p => walk.AAfter.GetValueOrDefault(p.Key) != p.Value)
            .Select(p => $"{p.Key}\n  before: {p.Value}\n  after:  {walk.AAfter.GetValueOrDefault(p.Key)}");

        Expect.None(changed);
    }

    [Fact]
    public void B_could_not_act_on_As_members_roles_clients_or_invitations()
    {
        var foreign = walk.Calls.Where(c => c.Route.Contains("{userId}", StringComparison.Ordinal) || c.Route.Contains("{roleId}", StringComparison.Ordinal)
            || c.Route.Contains("{clientId}", StringComparison.Ordinal) || c.Route.Contains("{invitationId}", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(foreign);
        Assert.All(foreign, c => Assert.True(c.Status == 404, $"{c.Route} {c.Path} → {c.Status} {c.Body}"));
        Assert.Contains(walk.Calls, c => c.Route == "PUT /api/users/{userId}/roles");
        Assert.Contains(walk.Calls, c => c.Route == "POST /api/users/invitations" && c.Status == 400);
    }
}
