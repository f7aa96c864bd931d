using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudOMS.Silo.ReadModel;

/// <summary>
/// The read model is derived data: when its schema version changes it is dropped, created anew and
/// refilled by the projection from grain storage (the checkpoint starts over at zero).
/// </summary>
public static class ReadModelSchema
{
    private const string VersionCheckpoint = "schema-version";

    public static async Task Ensure(ReadModelDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (await db.Database.CanConnectAsync(cancellationToken) && await CurrentVersion(db, cancellationToken) == ReadModelDbContext.SchemaVersion)
            return;
        logger.LogInformation("Creating read model schema version {Version}; it will be refilled from grain storage", ReadModelDbContext.SchemaVersion);
        await db.Database.EnsureDeletedAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        db.Checkpoints.Add(new ProjectionCheckpoint { Name = VersionCheckpoint, Position = ReadModelDbContext.SchemaVersion });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<long?> CurrentVersion(ReadModelDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Checkpoints.Where(c => c.Name == VersionCheckpoint).Select(c => (long?)c.Position).FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception)
        {
            // No tables yet (a new file): treat as no version.
            return null;
        }
    }
}
