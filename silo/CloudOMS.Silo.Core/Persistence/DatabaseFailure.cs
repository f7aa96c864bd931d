using System.Data.Common;
using Npgsql;
using Orleans.Serialization;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// Tells a database that is away (stopped, restarting, unreachable, out of connections, too slow) from a bug.
/// The first is temporary and worth a retry: the HTTP edge answers 503, health checks report the database.
/// A failure counts when anywhere in the exception's causes there is a connection-level Npgsql error, a
/// PostgreSQL error of the "connection", "resources" or "operator intervention" classes, any other provider's
/// error that calls itself transient, or a timeout. Orleans (grain storage, activation) and EF Core wrap them.
/// Errors cross from a silo to a client (a portal with CloudOms:Hosting=Client): Orleans does not serialize Npgsql's
/// exceptions unless told to (<see cref="CrossTheWire"/>, which silos and clients apply), and even then rebuilds them
/// without their own fields (a PostgresException's SqlState is in its Data and its message) or, where the type is not
/// known, as a stand-in that names it.
/// </summary>
public static class DatabaseFailure
{
    /// <summary>
    /// Lets Orleans carry Npgsql's exceptions between silos and clients. Without it a grain call failing on the
    /// database answers the caller with "could not find a codec for type Npgsql.NpgsqlException", a bug to any reader.
    /// </summary>
    public static void CrossTheWire(ExceptionSerializationOptions options) => options.SupportedNamespacePrefixes.Add("Npgsql");

    public static bool IsUnavailable(Exception exception) => Causes(exception).Any(c => IsDatabaseAway(c) || c is TimeoutException);

    /// <summary>Like <see cref="IsUnavailable"/>, but only for errors that name the database, not a bare timeout.</summary>
    public static bool NamesDatabase(Exception exception) => Causes(exception).Any(IsDatabaseAway);

    private static bool IsDatabaseAway(Exception exception) => exception switch
    {
        // SQLSTATE classes 08 connection exception, 53 insufficient resources, 57 operator intervention
        // (shutdown, cannot connect now), 58 system error; and what Npgsql itself calls transient. A PostgresException
        // rebuilt by Orleans on a client has no SqlState; its message starts with it ("57P01: terminating ...").
        PostgresException postgres => postgres.IsTransient || IsOutageState(postgres.SqlState ?? postgres.Data["SqlState"] as string ?? postgres.Message),
        // Npgsql's own errors without a server answer: connect, read, write, pool wait, command timeout.
        NpgsqlException npgsql => npgsql.IsTransient,
        DbException other => other.IsTransient,
        UnavailableExceptionFallbackException { ExceptionType: { } type } => type.StartsWith("Npgsql.PostgresException", StringComparison.Ordinal)
            ? IsOutageState(exception.Message)
            : type.StartsWith("Npgsql.", StringComparison.Ordinal) && exception.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        // A silo without CrossTheWire answers with this in place of the error itself. Only Npgsql's own exception
        // (no server answer) is certain to be the connection; a PostgresException could be anything.
        CodecNotFoundException => exception.Message.Contains("type Npgsql.NpgsqlException", StringComparison.Ordinal),
        _ => false,
    };

    private static bool IsOutageState(string? sqlState) =>
        sqlState is { Length: >= 2 } && sqlState[..2] is "08" or "53" or "57" or "58";

    /// <summary>The exception and everything it wraps (inner exceptions, all of an aggregate's), outermost first.</summary>
    internal static IEnumerable<Exception> Causes(Exception exception)
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
