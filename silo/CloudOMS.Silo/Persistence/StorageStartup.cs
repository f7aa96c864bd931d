using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
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
        await using var db = await services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync(cancellationToken);
        await ReadModelSchema.Ensure(db, logger, cancellationToken);
        SqliteTuning.EnableWriteAheadLog(db.Database.GetConnectionString()!);
    }
}
