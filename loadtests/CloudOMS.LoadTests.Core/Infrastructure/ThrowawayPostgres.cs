using Npgsql;

namespace CloudOMS.LoadTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the run's own, on a free loopback port, with durable settings (fsync and synchronous
/// commit on, the defaults): a reservation counts only once it is on disk, for CloudOMS and the baseline alike.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _bin;
    private readonly string? _owner;

    private ThrowawayPostgres(string dir, string bin, string? owner, string connectionString) =>
        (_dir, _bin, _owner, ConnectionString) = (dir, bin, owner, connectionString);

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> Start(TextWriter log)
    {
        var bin = LocalProcess.PostgresBin() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: apt-get install -y postgresql, or pass --postgres <connection string>");
        var dir = Directory.CreateTempSubdirectory("cloudoms-load-pg-").FullName;
        var owner = LocalProcess.IsRoot ? "postgres" : null;
        if (owner is not null) await LocalProcess.Run("chown", ["-R", owner, dir]);
        var port = LocalProcess.FreePort();
        await LocalProcess.Run(Path.Combine(bin, "initdb"), ["-D", $"{dir}/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"], owner);
        await LocalProcess.Run(Path.Combine(bin, "pg_ctl"), ["start", "-D", $"{dir}/data", "-l", $"{dir}/server.log", "-w", "-t", "60",
            "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB"], owner);
        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE cloudoms_load", connection);
            await create.ExecuteNonQueryAsync();
        }
        log.WriteLine($"PostgreSQL {Path.GetFileName(Path.GetDirectoryName(bin))} started on port {port} (fsync on, synchronous_commit on)");
        return new ThrowawayPostgres(dir, bin, owner, $"Host=127.0.0.1;Port={port};Username=postgres;Database=cloudoms_load");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await LocalProcess.Run(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", $"{_dir}/data", "-m", "immediate", "-w"], _owner);
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
