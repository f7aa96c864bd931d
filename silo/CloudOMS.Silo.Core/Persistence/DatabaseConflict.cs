using CloudOMS.Grains;
using CloudOMS.Texts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// Database refusals that are about the data, not a bug and not an outage: two requests changing the same rows at
/// once (a concurrency token, PostgreSQL's serialization failure or deadlock), a row that already exists (a unique
/// key, e.g. two roles of one name created at once), or SQLite's single writer busy with another transaction. The
/// first two answer 409 (reload and retry), the third 503 with Retry-After. Identity and billing save through EF Core
/// in the web process, so these arrive with their own types.
/// </summary>
public static class DatabaseConflict
{
    // SQLite result codes: SQLITE_BUSY, SQLITE_LOCKED; extended SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>The error code for such a refusal anywhere in the exception's causes, or null.</summary>
    public static string? Of(Exception exception) => DatabaseFailure.Causes(exception).Select(Code).FirstOrDefault(c => c is not null);

    private static string? Code(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => ErrorCodes.ConcurrentChange,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => ErrorCodes.ConcurrentChange,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => ErrorCodes.AlreadyExists,
        SqliteException { SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } => ErrorCodes.AlreadyExists,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => ErrorCodes.DatabaseBusy,
        _ => null,
    };
}
