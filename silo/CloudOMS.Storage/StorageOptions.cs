using System.ComponentModel.DataAnnotations;

namespace CloudOMS.Silo.Persistence;

public enum StorageProvider
{
    /// <summary>SQLite files under the data folder: the embedded default, one process.</summary>
    Sqlite,

    /// <summary>PostgreSQL for grain state, clustering and reminders: several silos, many writers.</summary>
    Postgres,
}

/// <summary>Settings under "Storage" (environment Storage__Provider, Storage__ConnectionString).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string; unused for SQLite, whose files live in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Storage calls in flight at once on PostgreSQL: the pool gets at least twice as many connections and the thread
    /// pool as many threads at once. Grain writes themselves go, batched, through a few connections of that pool
    /// (PostgresWriteBatcher's lanes); the rest serves reads, clears, clustering, reminders and the read model.
    /// </summary>
    [Range(1, 1000)]
    public int MaxConcurrentWrites { get; set; } = 64;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult(
                "Storage:ConnectionString (Storage__ConnectionString) is required when Storage:Provider is Postgres.",
                [nameof(ConnectionString)]);
    }
}
