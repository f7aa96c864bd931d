using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// Applies the SQL scripts embedded under Persistence/Scripts/{provider}/ in name order, each once,
/// each in its own transaction, recording what ran in CloudOmsSchemaHistory. Safe to run at every
/// start, also by several silos at once (PostgreSQL: an advisory lock). Provider-specific text lives
/// in the scripts and in <see cref="StorageBackend"/>.
/// </summary>
public sealed class SchemaMigrator(StorageBackend backend, TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    private readonly DbDataSource dataSource = backend.DataSource;
    private readonly string provider = backend.ScriptFolder;

    private const int MigrationTimeoutSeconds = 600;

    public async Task<IReadOnlyList<string>> Migrate(CancellationToken cancellationToken = default)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        // Resource names are the root namespace (CloudOMS.Silo) and the folder: this class's namespace and Scripts/.
        var prefix = $"{typeof(SchemaMigrator).Namespace}.Scripts.{provider}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (scripts.Count == 0) throw new InvalidOperationException($"No schema scripts for provider '{provider}'.");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (backend.MigrationLock is { } takeLock) await Execute(connection, null, takeLock, cancellationToken);
        try
        {
            return await Apply(connection, assembly, prefix, scripts, cancellationToken);
        }
        finally
        {
            if (backend.MigrationUnlock is { } releaseLock) await Execute(connection, null, releaseLock, CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<string>> Apply(DbConnection connection, System.Reflection.Assembly assembly, string prefix, List<string> scripts, CancellationToken cancellationToken)
    {
        await Execute(connection, null,
            "CREATE TABLE IF NOT EXISTS CloudOmsSchemaHistory (ScriptId VARCHAR(200) NOT NULL PRIMARY KEY, AppliedAt VARCHAR(40) NOT NULL)",
            cancellationToken);
        var applied = await AppliedScripts(connection, cancellationToken);

        var ran = new List<string>();
        foreach (var resource in scripts)
        {
            var id = resource[prefix.Length..];
            if (applied.Contains(id)) continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var sql = await reader.ReadToEndAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, transaction, sql, cancellationToken);
            await Execute(connection, transaction,
                $"INSERT INTO CloudOmsSchemaHistory (ScriptId, AppliedAt) VALUES ('{id}', '{clock.GetUtcNow():O}')",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema script {Script}", id);
            ran.Add(id);
        }
        return ran;
    }

    private static async Task<HashSet<string>> AppliedScripts(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ScriptId FROM CloudOmsSchemaHistory";
        command.CommandTimeout = MigrationTimeoutSeconds;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
        return applied;
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // Scripts (and the lock, held while another silo migrates) may take far longer than the short
        // timeout grain-storage commands get; start-up cancellation still ends them.
        command.CommandTimeout = MigrationTimeoutSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
