using CloudOMS.Silo.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// Brings both databases up to date before anything uses them: the grain storage schema (the
/// providers read their query rows when they initialise: persistence, and on PostgreSQL also
/// clustering and reminders, all later in the silo's start) and the read-model tables.
/// </summary>
public sealed class StorageStartup(IServiceProvider services, StorageBackend backend, ILogger<StorageStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<StorageStartup>(ServiceLifecycleStage.RuntimeInitialize, Start);

    public async Task Start(CancellationToken cancellationToken)
    {
        if (backend.SqliteConnectionString is { } grainFile) SqliteTuning.EnableWriteAheadLog(grainFile);
        var migrator = new SchemaMigrator(backend, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<SchemaMigrator>>());
        await migrator.Migrate(cancellationToken);
        var readModel = services.GetRequiredService<ReadModelDatabase>();
        await ReadModelSchema.Ensure(readModel, logger, cancellationToken);
        if (readModel.Provider == StorageProvider.Sqlite) SqliteTuning.EnableWriteAheadLog(readModel.ConnectionString);
    }
}
