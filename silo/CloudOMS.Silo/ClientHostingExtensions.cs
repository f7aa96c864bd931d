using System.Diagnostics;
using CloudOMS.Silo.Persistence;
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
    public static IHostApplicationBuilder AddCloudOmsClient(this IHostApplicationBuilder builder)
    {
        var options = SiloHostingExtensions.ReadOptions(builder.Configuration);
        var storage = StorageBackend.ReadOptions(builder.Configuration);
        builder.Services.AddOptions<CloudOmsOptions>().BindConfiguration(CloudOmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleansClient(client => client.UseCloudOmsClustering(options, storage));
        return builder;
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
