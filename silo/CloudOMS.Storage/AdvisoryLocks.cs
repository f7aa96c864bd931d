using System.Globalization;

namespace CloudOMS.Storage;

/// <summary>
/// Every PostgreSQL advisory lock CloudOMS takes. All our schemas share one database and advisory lock ids are
/// global to it, so two uses must never pick the same id: new ones continue the 4711xxx run here.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Held while our grain-storage scripts are applied (SchemaMigrator), so silos starting together apply each once.</summary>
    public const long GrainSchemaMigration = 4711002;

    /// <summary>
    /// Held, in a transaction, by every writer of the read model (projection batches, quarantine, the version check at
    /// start), so processes that share it take turns and none applies a change twice.
    /// </summary>
    public const long ReadModelWriter = 4711003;

    /// <summary>Held while the read model's EF Core migrations run; EF Core's own lock comes after the schema is created, which then races.</summary>
    public const long ReadModelMigration = 4711004;

    /// <summary>Held while the identity database's migrations run, so identity servers starting together take turns.</summary>
    public const long IdentityMigration = 4711005;

    /// <summary>Held while billing's migrations run, so instances starting together take turns.</summary>
    public const long BillingMigration = 4711006;

    /// <summary>Waits for the session lock <paramref name="id"/>; the same connection releases it with <see cref="Unlock"/>.</summary>
    public static string Lock(long id) => Sql("pg_advisory_lock", id);

    public static string Unlock(long id) => Sql("pg_advisory_unlock", id);

    /// <summary>Waits for the lock <paramref name="id"/>, held until the transaction ends.</summary>
    public static string TransactionLock(long id) => Sql("pg_advisory_xact_lock", id);

    private static string Sql(string function, long id) => $"SELECT {function}({id.ToString(CultureInfo.InvariantCulture)})";
}
