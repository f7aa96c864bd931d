using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudOMS.Silo.Operations;

/// <summary>
/// Logs when a stop (SIGTERM, Ctrl+C, a deployment) begins and how long it took in all: the silo
/// leaving the cluster, grains deactivating, the background services and the projection's last catch-up.
/// </summary>
public sealed class ShutdownLog(IHostApplicationLifetime lifetime, IOptions<HostOptions> hostOptions, ILogger<ShutdownLog> logger) : IHostedService
{
    private long _stoppingAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() =>
        {
            _stoppingAt = Stopwatch.GetTimestamp();
            logger.LogInformation("CloudOMS shutting down (allowed {TimeoutSeconds} s)", hostOptions.Value.ShutdownTimeout.TotalSeconds);
        });
        lifetime.ApplicationStopped.Register(() =>
            logger.LogInformation("CloudOMS shut down in {ElapsedMs} ms", (long)Stopwatch.GetElapsedTime(_stoppingAt).TotalMilliseconds));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
