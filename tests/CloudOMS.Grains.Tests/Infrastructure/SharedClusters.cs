namespace CloudOMS.Grains.Tests.Infrastructure;

/// <summary>
/// One test cluster per storage provider for the classes of <see cref="SharedClusterCollection"/>, started when a
/// test first asks for it, with the faulty storage in front (inert until a test arms a fault for its own tenant).
/// Tests keep apart by a tenant each (<see cref="TestTenant.Create"/>); a test that restarts or kills the silo, or
/// needs other settings, starts a cluster of its own.
/// </summary>
public sealed class SharedClusters : IAsyncLifetime
{
    private readonly Dictionary<StorageProvider, Task<CloudOmsCluster>> _clusters = [];
    private readonly Lock _lock = new();

    public Task<CloudOmsCluster> For(StorageProvider provider = StorageProvider.Sqlite)
    {
        lock (_lock)
        {
            if (!_clusters.TryGetValue(provider, out var cluster))
                _clusters[provider] = cluster = CloudOmsCluster.Start(extraConfigurator: typeof(FaultyStorage.Configurator), provider: provider);
            return cluster;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters.Values.Where(c => c.IsCompletedSuccessfully))
            await cluster.Result.DisposeAsync();
    }
}

/// <summary>The grain test classes that share <see cref="SharedClusters"/>; xUnit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<SharedClusters>
{
    public const string Name = "shared cluster";
}
