using System.Diagnostics;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.ReadModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace CloudOMS.Silo;

/// <summary>
/// A process that talks to a CloudOMS cluster without being a silo (a portal or tool running as an
/// Orleans client). It reads the same settings as the silos: Storage:* and CloudOms:ServiceId/ClusterId/GatewayPort.
/// </summary>
public static class ClientHostingExtensions
{
    /// <summary>
    /// Connects as an Orleans client: on PostgreSQL through the gateway list in the clustering tables of the
    /// grain database (every live silo is a gateway), on SQLite to the one local silo's gateway port.
    /// </summary>
    public static IHostApplicationBuilder AddCloudOmsClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configure = null)
    {
        var options = SiloHostingExtensions.ReadOptions(builder.Configuration);
        var storage = StorageBackend.ReadOptions(builder.Configuration);
        builder.Services.AddCloudOmsOptions();
        var certificate = ClusterTls.Load(options);
        builder.Services.AddSingleton<GatewayLosses>();
        builder.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<GatewayLosses>());
        builder.UseOrleansClient(client =>
        {
            client.UseCloudOmsClustering(options, storage);
            if (certificate is not null) client.UseClusterTls(certificate);
            configure?.Invoke(client);
        });
        return builder;
    }

    /// <summary>
    /// The portal's side of CloudOMS without a silo (CloudOms:Hosting=Client): an Orleans client of the
    /// deployment's silos, plus the shared PostgreSQL read model with its projection and background work.
    /// </summary>
    public static IHostApplicationBuilder AddCloudOmsPortalClient(this IHostApplicationBuilder builder)
    {
        var options = SiloHostingExtensions.ReadOptions(builder.Configuration);
        var storage = StorageBackend.ReadOptions(builder.Configuration);
        if (storage.Provider != StorageProvider.Postgres)
            throw new OptionsValidationException(CloudOmsOptions.Section, typeof(CloudOmsOptions),
                ["CloudOms:Hosting=Client needs Storage:Provider=Postgres (environment Storage__Provider): on SQLite the grains, " +
                 "read model and identity live in one process's files, so the portal must co-host its silo (CloudOms:Hosting=Silo)."]);
        var backend = StorageBackend.Create(storage, options);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        // Before the projection starts: the silos migrate too, but this process may be up first.
        builder.Services.AddHostedService<ReadModelStartup>();
        builder.Services.AddCloudOmsDataServices(backend, options);
        builder.AddCloudOmsClient(client =>
        {
            client.AddActivityPropagation();
            if (options.Dashboard) client.AddDashboard();
        });
        return builder;
    }

    /// <summary>Brings the shared read model's tables up to date when a client-only process starts.</summary>
    private sealed class ReadModelStartup(ReadModelDatabase database, ILogger<ReadModelStartup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => ReadModelSchema.Ensure(database, logger, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Clustering and gateway behaviour of a CloudOMS client; see <see cref="AddCloudOmsClient"/>.</summary>
    public static IClientBuilder UseCloudOmsClustering(this IClientBuilder client, CloudOmsOptions options, StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Postgres)
        {
            client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (options.ServiceId, options.ClusterId));
            // Registered through a factory so the container disposes the data source (and its pool) with the client.
            client.Services.TryAddSingleton(_ => StorageBackend.Create(storage, options));
            client.UseAdoNetClustering(o => o.Configure<StorageBackend>((c, backend) => (c.Invariant, c.DataSource) = (backend.Invariant, backend.DataSource)));
        }
        else
        {
            client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
        }

        client.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(DatabaseFailure.CrossTheWire);
        // A silo that dies takes its gateway with it: the client stops using a gateway whose connection
        // fails at once, and the refreshed list drops it for good once the cluster has declared it dead.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = options.GatewayListRefreshPeriod);
        var retry = new FirstConnectRetry(options.ClientConnectTimeout);
        client.UseConnectionRetryFilter(retry.ShouldRetry);
        return client;
    }

    /// <summary>Started before (or with) the silos, the client waits for a gateway instead of failing its host.</summary>
    private sealed class FirstConnectRetry(TimeSpan limit)
    {
        private readonly Stopwatch _since = new();

        public async Task<bool> ShouldRetry(Exception error, CancellationToken cancellationToken)
        {
            if (!_since.IsRunning) _since.Start();
            if (_since.Elapsed >= limit || cancellationToken.IsCancellationRequested) return false;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return true;
        }
    }
}
