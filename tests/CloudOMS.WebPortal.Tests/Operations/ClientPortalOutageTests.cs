using System.Diagnostics;
using System.Globalization;
using CloudOMS.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using Eventually = CloudOMS.WebPortal.Testing.Eventually;

namespace CloudOMS.WebPortal.Tests.Operations;

/// <summary>
/// The production shape (deploy/local-cluster.sh): a standalone silo and the portal as its Orleans client
/// (CloudOms:Hosting=Client) on one PostgreSQL. The silo loses its way to the database while the portal keeps
/// its own (the portal's sign-in and read model still answer), so every failure the API sees is a database error
/// that crossed from the silo to the portal, where Orleans rebuilds exceptions: each call must still answer 503
/// with Retry-After and an honest code, none 500, and the same processes serve again once the way is back.
/// </summary>
[Trait(StorageRounds.Trait, StorageRounds.Fixed)]
public sealed class ClientPortalOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(6);
    private const string Main = OmsClient.MainWarehouse;
    private readonly string _siloFolder = Path.Combine(Path.GetTempPath(), "cloudoms-webtests", Guid.NewGuid().ToString("N"));
    private string? _database;
    private TcpRelay? _siloToDatabase;
    private WebApplication? _silo;
    private PortalFactory? _portal;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabase();
        var server = new NpgsqlConnectionStringBuilder(_database);
        _siloToDatabase = new TcpRelay(new System.Net.IPEndPoint(IPAddress.Parse(server.Host!), server.Port));
        var cluster = "client-outage-" + Guid.NewGuid().ToString("N")[..8];
        _silo = SiloProgram.Build([], new Dictionary<string, string?>(TestPostgres.Settings(
            new NpgsqlConnectionStringBuilder(_database) { Host = "127.0.0.1", Port = _siloToDatabase.Port }.ConnectionString))
        {
            ["CloudOms:ClusterId"] = cluster,
            ["CloudOms:DataDirectory"] = _siloFolder,
            ["CloudOms:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["CloudOms:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["CloudOms:Projection"] = "false",
            ["CloudOms:Dashboard"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _silo.StartAsync();
        _portal = new PortalFactory();
        foreach (var (key, value) in TestPostgres.Settings(_database)) _portal.Settings[key] = value;
        _portal.Settings["CloudOms:Hosting"] = "Client";
        _portal.Settings["CloudOms:ClusterId"] = cluster;
        await _portal.InitializeAsync();
    }

    [Fact]
    public async Task When_the_silo_loses_the_database_a_client_portal_answers_503_with_Retry_After_never_500_and_recovers()
    {
        var api = _portal!.Api;
        var sku = await api.CreateSku();
        await api.Post<SkuView>("/api/stock/receive", new StockMoveBody(sku, Main, 50, "期初", OperationId: Unique.Code("op")));
        var pending = await api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 4)));
        var picking = await api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 6)));
        await api.Act(picking.OrderId, "approve");
        // Idle grains go, so the calls meet failing activations (state reads) as well as failing writes of the
        // grains used again just before the cut.
        await _portal.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await api.Act(picking.OrderId, "pick");
        await api.Get<List<StockLevelView>>($"/api/stock/{sku}");

        _siloToDatabase!.Cut();
        var cut = Stopwatch.StartNew();
        var tracking = Unique.TrackingNo();
        var receive = new StockMoveBody(sku, Main, 5, "补货", OperationId: Unique.Code("op"));
        var calls = new (string Name, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("read an order", () => api.Get($"/api/orders/{pending.OrderId}")),
            ("create an order", () => api.Post("/api/orders", NewOrder.For(NewOrder.Line(sku, 1)))),
            ("approve an order", () => api.Post($"/api/orders/{pending.OrderId}/approve")),
            ("ship an order", () => api.Post($"/api/orders/{picking.OrderId}/ship", new { carrier = "SF", trackingNo = tracking })),
            ("receive stock", () => api.Post("/api/stock/receive", receive)),
            ("edit a warehouse", () => api.Http.PutAsJsonAsync($"/api/warehouses/{Main}", new WarehouseBody(Main, "临沂总仓", "山东省", "临沂市", "兰山区", 1))),
        };
        var answers = new List<(string Name, int Status, string? Code, bool RetryAfter, TimeSpan Took)>();
        do
        {
            foreach (var (name, call) in calls)
            {
                var clock = Stopwatch.StartNew();
                using var response = await call();
                var took = clock.Elapsed;
                var code = (int)response.StatusCode >= 400 ? (await OmsClient.Read<ProblemView>(response, response.StatusCode)).Code : null;
                answers.Add((name, (int)response.StatusCode, code, response.Headers.RetryAfter is not null, took));
            }
        }
        while (cut.Elapsed < Outage);
        foreach (var group in answers.GroupBy(a => (a.Name, a.Status, a.Code)))
            output.WriteLine($"silo cut off: {group.Key.Name} -> {group.Key.Status} {group.Key.Code} x{group.Count()}, slowest {group.Max(a => a.Took).TotalMilliseconds:0} ms");

        Assert.Empty(answers.Where(a => a.Status != 503).Select(a => $"{a.Name} answered {a.Status} {a.Code}"));
        Assert.All(answers, a => Assert.True(a.RetryAfter && a.Code is "database_unavailable" or "outcome_unknown", $"{a.Name}: 503 {a.Code}, Retry-After {a.RetryAfter}"));
        Assert.All(answers, a => Assert.True(a.Took < Bound, $"{a.Name} took {a.Took}"));

        _siloToDatabase.Restore();
        await Eventually.Until(async () =>
        {
            using var response = await api.Get($"/api/orders/{pending.OrderId}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"while recovering: {(int)response.StatusCode}");
            return response.StatusCode;
        }, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));

        // Retried with their ids and keys, the writes refused while the silo was cut off apply once.
        Assert.Equal("Approved", (await api.Act(pending.OrderId, "approve")).Status);
        Assert.Equal("Shipped", (await api.Act(picking.OrderId, "ship", new { carrier = "SF", trackingNo = tracking })).Status);
        await api.Post<SkuView>("/api/stock/receive", receive);
        await api.Post<SkuView>("/api/stock/receive", receive);
        Assert.Equal(new StockLevelView(Main, 49, 4, 45, 0), await api.Level(sku, Main));
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_portal is not null) await ((IAsyncLifetime)_portal).DisposeAsync();
            if (_silo is not null)
            {
                await _silo.StopAsync();
                await _silo.DisposeAsync();
            }
        }
        finally
        {
            if (_siloToDatabase is not null) await _siloToDatabase.DisposeAsync();
            if (_database is not null) await TestPostgres.DropDatabase(_database);
            if (Directory.Exists(_siloFolder)) Directory.Delete(_siloFolder, recursive: true);
        }
    }
}
