using CloudOMS.Silo.Persistence;
using Npgsql;

namespace CloudOMS.Testing;

/// <summary>
/// The PostgreSQL server the tests use, named by CLOUDOMS_TEST_POSTGRES (./test.sh starts a
/// throwaway one and sets it). Each test cluster gets a database of its own, dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CLOUDOMS_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL variant of this test cannot run. Run ./test.sh from the repository " +
                $"root (it starts a throwaway PostgreSQL and sets {Variable}), or start one with `tests/postgres.sh start DIR` " +
                $"and set {Variable} to the connection string it prints (a user that may create databases).");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static Task<string> CreateDatabase() => CreateDatabase("oms_" + Guid.NewGuid().ToString("N")[..16]);

    /// <summary>The database <paramref name="name"/> (lower-case letters, digits, _), created when it does not exist yet.</summary>
    public static async Task<string> CreateDatabase(string name)
    {
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is null) await Execute($"CREATE DATABASE {name}");
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing what still uses it.</summary>
    public static async Task DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Settings that put a test cluster's grain storage on <paramref name="connectionString"/>.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Storage:Provider"] = nameof(StorageProvider.Postgres),
        ["Storage:ConnectionString"] = connectionString,
    };

    private static async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
