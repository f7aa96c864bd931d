using CloudOMS.Silo;
using CloudOMS.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CloudOMS.Grains.Tests.Infrastructure;

/// <summary>
/// A real in-process Orleans test cluster (one silo) with CloudOMS grain storage on SQLite files in
/// a temporary folder, or in a fresh PostgreSQL database (the read model stays SQLite in that
/// folder). The ServiceId is fixed so a restarted cluster reads the state it left.
/// </summary>
public sealed class CloudOmsCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;

    private CloudOmsCluster(string dataDirectory, Dictionary<string, string?> settings)
    {
        DataDirectory = dataDirectory;
        _settings = settings;
    }

    public string DataDirectory { get; }
    public StorageProvider Provider { get; private init; }
    private string? PostgresDatabase { get; init; }
    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.GrainFactory;
    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public static async Task<CloudOmsCluster> Start(
        IDictionary<string, string?>? settings = null, Type? extraConfigurator = null, StorageProvider provider = StorageProvider.Sqlite)
    {
        var database = provider == StorageProvider.Postgres ? await TestPostgres.CreateDatabase() : null;
        var dir = Path.Combine(Path.GetTempPath(), "cloudoms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var all = new Dictionary<string, string?>
        {
            ["CloudOms:DataDirectory"] = dir,
            ["CloudOms:AuditInterval"] = "01:00:00",
            ["CloudOms:SagaSweepInterval"] = "00:00:01",
        };
        if (database is not null)
            foreach (var (key, value) in TestPostgres.Settings(database)) all[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var cluster = new CloudOmsCluster(dir, all) { Provider = provider, PostgresDatabase = database };
        cluster.ExtraConfigurator = extraConfigurator;
        await cluster.Deploy();
        return cluster;
    }

    private Type? ExtraConfigurator { get; set; }

    public T Service<T>() where T : notnull => SiloServices.GetRequiredService<T>();

    public GrainStateStore Store => Service<GrainStateStore>();

    /// <summary>Stops the whole cluster (as a crash of the only silo would) and starts it again on the same files.</summary>
    public async Task Restart(IDictionary<string, string?>? changedSettings = null, Type? extraConfigurator = null)
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        foreach (var (key, value) in changedSettings ?? new Dictionary<string, string?>()) _settings[key] = value;
        ExtraConfigurator = extraConfigurator;
        await Deploy();
    }

    /// <summary>Kills the silo without a graceful shutdown and starts a new one on the same files.</summary>
    public async Task KillAndRestart(IDictionary<string, string?>? changedSettings = null, Type? extraConfigurator = null)
    {
        await Cluster.KillSiloAsync(Cluster.Primary!);
        await Cluster.DisposeAsync();
        foreach (var (key, value) in changedSettings ?? new Dictionary<string, string?>()) _settings[key] = value;
        ExtraConfigurator = extraConfigurator;
        await Deploy();
    }

    private async Task Deploy()
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = "cloudoms-test";
        builder.Options.ClusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (key, value) in _settings) builder.Properties[key] = value!;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        if (ExtraConfigurator is not null) builder.Options.SiloBuilderConfiguratorTypes.Add(ExtraConfigurator.AssemblyQualifiedName!);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (PostgresDatabase is not null) await TestPostgres.DropDatabase(PostgresDatabase);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddCloudOmsGrains(silo.Configuration);
    }
}
