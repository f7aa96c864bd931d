using System.Data.Common;
using Npgsql;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// Tells a database that is away (stopped, restarting, unreachable, out of connections, too slow) from a bug.
/// The first is temporary and worth a retry: the HTTP edge answers 503, health checks report the database.
/// A failure counts when anywhere in the exception's causes there is a connection-level Npgsql error, a
/// PostgreSQL error of the "connection", "resources" or "operator intervention" classes, any other provider's
/// error that calls itself transient, or a timeout. Orleans (grain storage, activation) and EF Core wrap them.
/// </summary>
public static class DatabaseFailure
{
    public static bool IsUnavailable(Exception exception) => Causes(exception).Any(IsUnavailableItself);

    private static bool IsUnavailableItself(Exception exception) => exception switch
    {
        // SQLSTATE classes 08 connection exception, 53 insufficient resources, 57 operator intervention
        // (shutdown, cannot connect now), 58 system error; and what Npgsql itself calls transient.
        PostgresException postgres => postgres.IsTransient || postgres.SqlState[..2] is "08" or "53" or "57" or "58",
        // Npgsql's own errors without a server answer: connect, read, write, pool wait, command timeout.
        NpgsqlException npgsql => npgsql.IsTransient,
        DbException other => other.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        for (var seen = 0; pending.Count > 0 && seen < 32; seen++)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (current.InnerException is { } inner)
                pending.Push(inner);
        }
    }
}
