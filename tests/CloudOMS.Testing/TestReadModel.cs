using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.ReadModel;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudOMS.Testing;

/// <summary>An empty read model brought up to date by its migrations, as a silo does at start: a SQLite file or a PostgreSQL database of its own.</summary>
public sealed class TestReadModel : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string? _postgres;

    private TestReadModel(ReadModelDatabase database, string? file, string? postgres) => (Database, _file, _postgres) = (database, file, postgres);

    public ReadModelDatabase Database { get; }

    public static async Task<TestReadModel> Create(StorageProvider provider)
    {
        TestReadModel readModel;
        if (provider == StorageProvider.Postgres)
        {
            var connectionString = await TestPostgres.CreateDatabase();
            readModel = new(ReadModelDatabase.Postgres(connectionString), null, connectionString);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"readmodel-{Guid.NewGuid():N}.db");
            readModel = new(ReadModelDatabase.Sqlite($"Data Source={file};Pooling=false"), file, null);
        }
        await ReadModelSchema.Ensure(readModel.Database, NullLogger.Instance);
        return readModel;
    }

    /// <summary>A context for every tenant's rows (the projection's view); set TenantId for one tenant's.</summary>
    public ReadModelDbContext Context() => Database.ForMigrations();

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await TestPostgres.DropDatabase(_postgres);
        if (_file is null) return;
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
