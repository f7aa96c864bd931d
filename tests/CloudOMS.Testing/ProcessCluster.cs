using System.Net;
using CloudOMS.Silo;
using CloudOMS.Texts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace CloudOMS.Testing;

/// <summary>
/// A production-shaped cluster for one test: a database of its own, silo processes clustered through
/// its membership table, and an Orleans client host in the test process (AddCloudOmsClient).
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const string ServiceId = "cloudoms-failover";
    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    private ProcessCluster(string database, string folder, string clusterId) =>
        (Database, Folder, ClusterId) = (database, folder, clusterId);

    public string Database { get; }
    public string Folder { get; }
    public string ClusterId { get; }
    public IReadOnlyList<SiloProcess> Silos => _silos;
    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    /// <summary>Starts the silos, waits until all are Active in the membership table, then connects the client.</summary>
    public static async Task<ProcessCluster> Start(int silos, IReadOnlyDictionary<string, string> siloSettings)
    {
        var cluster = new ProcessCluster(
            await TestPostgres.CreateDatabase(),
            Path.Combine(Path.GetTempPath(), "cloudoms-tests", "failover-" + Guid.NewGuid().ToString("N")[..8]),
            "failover-" + Guid.NewGuid().ToString("N")[..8]);
        // A test host that exits without disposing (a cancelled run) must not leave silos running.
        AppDomain.CurrentDomain.ProcessExit += cluster.KillSilos;
        try
        {
            for (var n = 1; n <= silos; n++)
            {
                var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
                var environment = new Dictionary<string, string>(siloSettings)
                {
                    ["CloudOms__SiloPort"] = siloPort.ToString(),
                    ["CloudOms__GatewayPort"] = gatewayPort.ToString(),
                    ["CloudOms__DataDirectory"] = Path.Combine(cluster.Folder, $"silo{n}", "data"),
                };
                foreach (var (key, value) in cluster.Settings()) environment[key.Replace(":", "__")] = value!;
                cluster._silos.Add(SiloProcess.Start($"silo{n}", siloPort, Path.Combine(cluster.Folder, $"silo{n}"), environment));
            }
            await cluster.UntilActiveOrExited(silos, TimeSpan.FromSeconds(90));
            if (cluster._silos.FirstOrDefault(s => s.HasExited) is { } exited)
                throw new InvalidOperationException($"{exited.Name} exited while starting:\n{exited.ReadLog()}");

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(cluster.Settings());
            builder.AddCloudOmsClient();
            cluster._client = builder.Build();
            await cluster._client.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the silos and the client share: where the cluster's tables are and which cluster it is.</summary>
    private Dictionary<string, string?> Settings() => new(TestPostgres.Settings(Database))
    {
        ["CloudOms:ServiceId"] = ServiceId,
        ["CloudOms:ClusterId"] = ClusterId,
        ["CloudOms:GatewayListRefreshPeriod"] = "00:00:01",
    };

    public async Task<int> ActiveSilos() => (await Statuses()).Count(s => s == SiloStatus.Active);

    // Its own wait: the grain and the portal tests each have an Eventually of their own, and this file serves both.
    private async Task UntilActiveOrExited(int silos, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var active = await ActiveSilos();
            if (active == silos || _silos.Any(s => s.HasExited)) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for the silos to be Active in the membership table; last value: {active}");
            await Task.Delay(25);
        }
    }

    /// <summary>The membership table's status of the silo listening on <paramref name="siloPort"/>.</summary>
    public async Task<SiloStatus?> StatusOf(int siloPort) => (await Statuses(siloPort)).Cast<SiloStatus?>().SingleOrDefault();

    /// <summary>Every grain state row of this cluster's service, straight from the storage table.</summary>
    public async Task<IReadOnlyList<(string StateName, string GrainKey, byte[] Payload)>> StoredStates()
    {
        var rows = new List<(string, string, byte[])>();
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT GrainTypeString, GrainIdExtensionString, PayloadBinary FROM OrleansStorage WHERE ServiceId = @service AND PayloadBinary IS NOT NULL", connection);
        command.Parameters.AddWithValue("service", ServiceId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        return rows;
    }

    public void WriteLogs(ITestOutputHelper output)
    {
        foreach (var silo in _silos)
            output.WriteLine($"----- {silo.Name} (process {silo.ProcessId}, silo port {silo.SiloPort}) log -----\n{silo.ReadLog()}");
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillSilos;
        try
        {
            if (_client is not null)
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _client.StopAsync(stopping.Token);
                _client.Dispose();
            }
        }
        finally
        {
            KillSilos(null, EventArgs.Empty);
        }
        await TestPostgres.DropDatabase(Database);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }

    private void KillSilos(object? sender, EventArgs e)
    {
        foreach (var silo in _silos) silo.Dispose();
    }

    private async Task<List<SiloStatus>> Statuses(int? port = null)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND (@port = 0 OR Port = @port)", connection);
        command.Parameters.AddWithValue("cluster", ClusterId);
        command.Parameters.AddWithValue("port", port ?? 0);
        var statuses = new List<SiloStatus>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) statuses.Add((SiloStatus)reader.GetInt32(0));
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The first silo has not created the clustering tables yet.
        }
        return statuses;
    }
}
