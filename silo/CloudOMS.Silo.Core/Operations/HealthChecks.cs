using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.ReadModel;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CloudOMS.Silo.Operations;

/// <summary>Readiness of a CloudOMS silo: both databases answer and the silo is an active cluster member.</summary>
public static class HealthChecks
{
    /// <summary>Checks with this tag decide readiness; liveness runs none (the process answers, that is all).</summary>
    public const string ReadyTag = "ready";

    public const string GrainStore = "grain-store";
    public const string ReadModel = "read-model";
    public const string Silo = "orleans-silo";
    public const string Projection = "read-model-projection";

    public static IHealthChecksBuilder AddCloudOmsHealthChecks(this IServiceCollection services)
    {
        // Below 5 s, so /health/ready answers within 5 s even when a database does not answer at all.
        var timeout = TimeSpan.FromSeconds(4);
        return services.AddHealthChecks()
            .Add(new HealthCheckRegistration(GrainStore, sp => sp.GetRequiredService<StorageBackend>() is { Provider: StorageProvider.Postgres } backend
                ? new DataSourceTableCheck(backend.DataSource, "OrleansQuery")
                : new SqliteTableCheck(sp.GetRequiredService<IOptions<CloudOmsOptions>>().Value.GrainStorePath, "OrleansQuery"), HealthStatus.Unhealthy, [ReadyTag], timeout))
            .Add(new HealthCheckRegistration(ReadModel, sp => sp.GetRequiredService<StorageBackend>() is { Provider: StorageProvider.Postgres } backend
                ? new DataSourceTableCheck(backend.DataSource, $"{ReadModelDbContext.PostgresSchema}.\"Checkpoints\"")
                : new SqliteTableCheck(sp.GetRequiredService<IOptions<CloudOmsOptions>>().Value.ReadModelPath, "Checkpoints"), HealthStatus.Unhealthy, [ReadyTag], timeout))
            .Add(new HealthCheckRegistration(Silo, sp => sp.GetService<ILocalSiloDetails>() is { } local
                ? new SiloMembershipCheck(sp.GetRequiredService<IClusterMembershipService>(), local)
                : new ClusterClientCheck(sp.GetRequiredService<IGrainFactory>()), HealthStatus.Unhealthy, [ReadyTag], timeout))
            .Add(new HealthCheckRegistration(Projection, sp => ActivatorUtilities.CreateInstance<ProjectionCheck>(sp), HealthStatus.Degraded, [ReadyTag], timeout));
    }
}

/// <summary>
/// A database is reachable when a fresh connection opens the existing file (never creating an empty
/// one) and reads a table of our schema. Fresh, not pooled: a pooled connection keeps a file that
/// was deleted or moved away readable, which would hide exactly the failure this looks for.
/// </summary>
internal sealed class SqliteTableCheck(string path, string table) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT 1 FROM \"{table}\" LIMIT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("database answers");
        }
        catch (SqliteException error)
        {
            // The description is public (the ready endpoint is unauthenticated): no paths, no messages.
            return HealthCheckResult.Unhealthy($"database unreachable (SQLite error {error.SqliteErrorCode})");
        }
    }
}

/// <summary>A server database (PostgreSQL) is reachable when a connection from the pool reads a table of our schema.</summary>
internal sealed class DataSourceTableCheck(System.Data.Common.DbDataSource dataSource, string table) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // As written: our grain tables are unquoted (folded to lower case), EF Core's are quoted.
            var query = Query(dataSource, $"SELECT 1 FROM {table} LIMIT 1");
            // Npgsql cancels a command by sending a cancel request over a new connection, which a hung server
            // does not answer either: stop waiting at the check's timeout and leave the query to its own.
            _ = query.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            await query.WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("database answers");
        }
        catch (Exception error) when (error is System.Data.Common.DbException || DatabaseFailure.IsUnavailable(error))
        {
            // The description is public (the ready endpoint is unauthenticated): no server names, no messages.
            return HealthCheckResult.Unhealthy($"database unreachable ({error.GetType().Name})");
        }
    }

    private static async Task Query(System.Data.Common.DbDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteScalarAsync();
    }
}

/// <summary>Ready only while this silo is an active member of its cluster (not joining, not shutting down).</summary>
internal sealed class SiloMembershipCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var description = $"this silo {status}; {active} active silo(s) in the cluster";
        return Task.FromResult(status == SiloStatus.Active ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}

/// <summary>A client-only process (a portal with CloudOms:Hosting=Client) is ready while the cluster answers with an active silo.</summary>
internal sealed class ClusterClientCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"client of {hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"cluster unreachable ({error.GetType().Name})");
        }
    }
}
