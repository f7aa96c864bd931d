using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using CloudOMS.Silo.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CloudOMS.Storage;

/// <summary>
/// Where this deployment keeps its data, read in one place for every store (grain state, read model, identity,
/// billing): Storage:Provider, Sqlite (the default: a file per store in the data folder) or Postgres (one database,
/// a schema per store, Storage:ConnectionString), and the data folder, which on PostgreSQL still holds keys and mail.
/// </summary>
public sealed class DataLocation
{
    /// <summary>The data folder's setting (environment CloudOms__DataDirectory); "data" when unset.</summary>
    public const string DataDirectoryKey = "CloudOms:DataDirectory";

    private DataLocation(StorageOptions storage, string dataDirectory)
    {
        Storage = storage;
        DataDirectory = dataDirectory;
    }

    public StorageOptions Storage { get; }
    public string DataDirectory { get; }
    public bool Postgres => Storage.Provider == StorageProvider.Postgres;

    /// <param name="dataDirectory">The data folder, when the host chose it; otherwise <see cref="DataDirectoryKey"/>.</param>
    public static DataLocation Read(IConfiguration configuration, string? dataDirectory = null) =>
        new(ReadStorage(configuration), dataDirectory ?? ReadDataDirectory(configuration));

    /// <summary>Storage:*, validated: Postgres without a connection string stops the start with the setting named.</summary>
    public static StorageOptions ReadStorage(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), errors.Select(e => e.ErrorMessage ?? "invalid"));
        return options;
    }

    public static string ReadDataDirectory(IConfiguration configuration) => configuration[DataDirectoryKey] ?? "data";

    /// <summary>A store's SQLite file in the data folder (identity.db, billing.db).</summary>
    public string SqliteFile(string name) => Path.Combine(DataDirectory, name);

    /// <summary>
    /// The PostgreSQL database for a store that requests read and write as they go (identity, billing). Sign-in, and an
    /// API call's token check whenever the access cache cannot answer (a first call, a change, the change listener's
    /// connection down, as in an outage), read the identity database: with PostgreSQL away they must fail within the
    /// API's 5 s (answered 503), not after Npgsql's 15 s connect and 30 s command defaults. Their queries are key
    /// lookups, so a command gets 2 s. A hung server costs about command + 2 × connect (Npgsql's cancel of a timed-out
    /// command opens a connection too), so connect gets 1 s: 4 s in all. A connection string that sets its own keeps
    /// them (a distant database may need a longer Timeout).
    /// </summary>
    public string RequestConnectionString()
    {
        if (!Postgres || Storage.ConnectionString is not { } connectionString) throw new InvalidOperationException("Storage:Provider is not Postgres.");
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!given.Contains("timeout")) settings.Timeout = 1;
        if (!given.Contains("commandtimeout")) settings.CommandTimeout = 2;
        if (!given.Contains("cancellationtimeout")) settings.CancellationTimeout = -1;
        return settings.ConnectionString;
    }
}
