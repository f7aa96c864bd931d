
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using CloudOMS.Testing;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// The real web portal (silo, storage, projection, demo seeding) on real Kestrel over loopback. Each
/// factory has its own data folder, silo and gateway ports and cluster id, so test classes and collections run in parallel.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PortalFactory()
    {
        // Port 0: Kestrel picks a free port, which the client's base address then carries.
        UseKestrel(0);
    }

    /// <summary>A new temp folder, or, to restart on the same data, the folder of a factory already stopped.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "cloudoms-webtests", Guid.NewGuid().ToString("N"));

    /// <summary>Configuration a test class needs on top of the defaults below (later wins).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Services a test class replaces after the portal registered its own (e.g. a clock it moves).</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    public int SiloPort { get; } = FreePorts.Next();

    public int GatewayPort { get; } = FreePorts.Next();

    public string ClusterId { get; } = "webtest-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A client speaking HTTP to the Kestrel server, with the API's JSON conventions.</summary>
    public OmsClient Api { get; private set; } = null!;

    public const string DemoApiSecret = "portal-tests-demo-secret";

    /// <summary>
    /// The database the portal stores in, from CLOUDOMS_TEST_PROVIDER: Sqlite (the default, files in
    /// <see cref="DataDirectory"/>) or Postgres (a database of its own on the CLOUDOMS_TEST_POSTGRES server).
    /// </summary>
    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    public const string ProviderVariable = "CLOUDOMS_TEST_PROVIDER";

    /// <summary>On PostgreSQL, named after the data folder, so a factory restarted on the same folder finds the same data.</summary>
    private string DatabaseName => "portal_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(DataDirectory))))[..20].ToLowerInvariant();

    private string? _ownDatabase;

    public async Task InitializeAsync()
    {
        if (OnPostgres && !Settings.ContainsKey("Storage:Provider"))
        {
            _ownDatabase = await TestPostgres.CreateDatabase(DatabaseName);
            foreach (var (key, value) in TestPostgres.Settings(_ownDatabase)) Settings[key] = value;
        }
        StartServer();
        Api = new OmsClient(await ClientWithToken(DemoApiClientId, DemoApiSecret));
    }

    public const string DemoApiClientId = "demo-integration";

    /// <summary>How the demo API client appears as the actor in timelines and stock movements.</summary>
    public const string DemoApiActor = "api:演示集成";

    /// <summary>An HTTP client carrying a client-credentials access token from the portal's own identity server.</summary>
    public async Task<HttpClient> ClientWithToken(string clientId, string secret)
    {
        var client = CreateClient();
        var token = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token",
            ClientId = clientId,
            ClientSecret = secret,
            Scope = "cloudoms.api",
        });
        Assert.False(token.IsError, token.Error + " " + token.ErrorDescription);
        client.SetBearerToken(token.AccessToken!);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_ownDatabase is not null) await TestPostgres.DropDatabase(_ownDatabase);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the folder is under the temp directory anyway.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as `dotnet run` and a deployment run it (the factory's default would be Development).
        builder.UseEnvironment("Production");
        builder.UseSetting("CloudOms:DataDirectory", DataDirectory);
        builder.UseSetting("CloudOms:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CloudOms:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CloudOms:ClusterId", ClusterId);
        builder.UseSetting("CloudOms:SeedDemo", "true");
        builder.UseSetting("CloudOms:DemoApiSecret", DemoApiSecret);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => TestServices.ForEach(replace => replace(services)));
    }
}
