using System.Runtime.CompilerServices;
using CloudOMS.LoadTests.Double11;
using CloudOMS.LoadTests.Engine;
using CloudOMS.LoadTests.FlashSale;
using CloudOMS.LoadTests.Infrastructure;
using CloudOMS.LoadTests.Targets;

namespace CloudOMS.LoadTests.Cli;

/// <summary>
/// The options every load scenario shares (target, database, load profile, baselines) and the servers a run
/// starts for itself: a durable throwaway PostgreSQL when none is given, Redis for its baseline, silos in data
/// folders of their own. Everything started here is stopped and deleted when the run ends.
/// </summary>
public sealed class ScenarioSetup(Options options, string command, TextWriter log) : IAsyncDisposable
{
    private readonly List<string> _folders = [];
    private ThrowawayPostgres? _postgres;

    public Options Options => options;
    public TextWriter Log => log;
    public string Command => command;

    /// <summary>inproc or http.</summary>
    public string Target => options.Text("target", "inproc");

    /// <summary>sqlite or postgres: where an inproc silo keeps its grains.</summary>
    public string Database => options.Text("db", "sqlite");

    public string TargetName => Target == "http" ? $"http {options.Text("url", "")}" : $"inproc ({(Database == "postgres" ? "PostgreSQL" : "SQLite")})";

    public LoadProfile Profile(double defaultRate, int defaultMaxInFlight, double defaultDuration = 10, double defaultRamp = 2) => new(
        options.Decimal("rate", defaultRate), options.Seconds("ramp", defaultRamp), options.Seconds("duration", defaultDuration),
        options.Number("max-in-flight", defaultMaxInFlight));

    public async Task<string> Postgres()
    {
        if (options.Has("postgres")) return options.Text("postgres", "");
        _postgres ??= await ThrowawayPostgres.Start(log);
        return _postgres.ConnectionString;
    }

    /// <summary>A new silo of the product in this process, on a fresh data folder (and fresh tables on PostgreSQL).</summary>
    public async Task<InProcSilo> StartSilo()
    {
        var folder = Directory.CreateTempSubdirectory("cloudoms-load-").FullName;
        _folders.Add(folder);
        var postgres = Database == "postgres" ? await FreshPostgres() : null;
        return await InProcSilo.Start(Database, postgres, folder);
    }

    /// <summary>A new empty database on the run's PostgreSQL server.</summary>
    public async Task<string> FreshPostgres() => await Fresh(await Postgres());

    /// <summary>
    /// CloudOMS first (on the chosen target), then the baselines named by --baselines
    /// (postgres, redis-everysec, redis-always; "none" for none), one at a time.
    /// </summary>
    public async IAsyncEnumerable<IReservationSystem> ReservationSystems([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Target == "http")
            yield return new HttpOrderReservations(await HttpTarget.Connect(this, options.Number("max-in-flight", 256), cancellationToken));
        else
            yield return new CloudOmsReservations(await StartSilo());
        foreach (var baseline in options.List("baselines", "postgres,redis-everysec,redis-always"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (baseline)
            {
                case "postgres":
                    yield return new PostgresReservations(await Postgres(), options.Number("pg-connections", 64));
                    break;
                case "redis-everysec" or "redis-always":
                    if (!RedisServer.Installed)
                    {
                        log.WriteLine($"{baseline}: skipped, redis-server is not installed (apt-get install -y redis-server)");
                        break;
                    }
                    var fsync = baseline["redis-".Length..];
                    yield return new RedisReservations(await RedisServer.Start(fsync), fsync);
                    break;
                default:
                    throw new ArgumentException($"unknown baseline '{baseline}' (postgres, redis-everysec, redis-always, none)");
            }
        }
    }

    /// <summary>CloudOMS as the chosen target sees it: over HTTP (one tenant, the API client's) or its grains in this process.</summary>
    public async Task<IOrderDesk> CloudOmsDesk(CancellationToken cancellationToken) => Target == "http"
        ? new HttpDesk([await HttpTarget.Connect(this, options.Number("max-in-flight", 256), cancellationToken)])
        : new GrainDesk(await StartSilo());

    /// <summary>CloudOMS first, then the plain PostgreSQL design when --baselines names postgres (the default).</summary>
    public async IAsyncEnumerable<IOrderDesk> OrderDesks([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await CloudOmsDesk(cancellationToken);
        foreach (var baseline in options.List("baselines", "postgres"))
        {
            if (baseline != "postgres") throw new ArgumentException($"unknown order baseline '{baseline}' (postgres, none)");
            yield return new PostgresDesk(await Postgres(), options.Number("pg-connections", 64));
        }
    }

    /// <summary>A database of its own on the server, so each silo starts on empty tables.</summary>
    private static async Task<string> Fresh(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = $"cloudoms_load_{Guid.NewGuid():N}"[..28];
        await using (var admin = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        foreach (var folder in _folders)
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
