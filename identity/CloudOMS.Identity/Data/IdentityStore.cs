using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CloudOMS.Identity.Data;

/// <summary>
/// Where the identity database lives, from the deployment's one storage setting: identity.db in the
/// data folder (Storage:Provider = Sqlite, the default) or the PostgreSQL database named by
/// Storage:ConnectionString, which then also keeps the data protection key ring for every instance.
/// Tables come from EF Core migrations kept per database (Data/Migrations/Sqlite|Postgres).
/// </summary>
public sealed record IdentityStore(bool Postgres, string ConnectionString)
{
    public const string HistoryTable = "__IdentityMigrations";

    public static IdentityStore From(IConfiguration configuration, string dataDirectory)
    {
        var provider = configuration["Storage:Provider"];
        if (!string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
            return Sqlite(Path.Combine(dataDirectory, "identity.db"));
        var connectionString = configuration["Storage:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Storage:Provider is Postgres but Storage:ConnectionString (environment Storage__ConnectionString) is empty.");
        return new IdentityStore(true, WithShortTimeouts(connectionString));
    }

    /// <summary>
    /// Sign-in, and an API call's token check whenever the access cache cannot answer (a first call, a change, the
    /// change listener's connection down, as in an outage), read this database: with PostgreSQL away they must fail
    /// within the API's 5 s (answered 503), not after Npgsql's 15 s connect and 30 s command defaults. Identity
    /// queries are key lookups, so a command gets 2 s. A hung server costs about command + 2 × connect (Npgsql's
    /// cancel of a timed-out command opens a connection too), so connect gets 1 s: 4 s in all. A connection
    /// string that sets its own keeps them (a distant database may need a longer Timeout).
    /// </summary>
    public static string WithShortTimeouts(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!given.Contains("timeout")) settings.Timeout = 1;
        if (!given.Contains("commandtimeout")) settings.CommandTimeout = 2;
        if (!given.Contains("cancellationtimeout")) settings.CancellationTimeout = -1;
        return settings.ConnectionString;
    }

    public static IdentityStore Sqlite(string path) => new(false, $"Data Source={path}");

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Postgres) options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(HistoryTable, IdentityDb.PostgresSchema));
        else options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(HistoryTable));
        options.UseOpenIddict();
    }

    /// <summary>A context carrying this database's migrations; used to bring the tables up to date.</summary>
    public IdentityDb ForMigrations()
    {
        var builder = new DbContextOptionsBuilder<IdentityDb>();
        Configure(builder);
        return Postgres ? new PostgresIdentityMigrations(builder.Options) : new SqliteIdentityMigrations(builder.Options);
    }
}
