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
    /// Grain writes in flight at once on PostgreSQL. The pool gets at least twice as many
    /// connections, so writers wait at this gate rather than time out waiting for a connection.
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
