using CloudOMS.Grains;
using CloudOMS.Silo.Persistence;
using Microsoft.AspNetCore.Connections;
using Orleans.Runtime.Messaging;

namespace CloudOMS.Silo.Operations;

/// <summary>Why a call failed in a way that passes: each answers 503 with Retry-After and its own message.</summary>
public enum TransientCause
{
    /// <summary>Not transient: a refusal, a bug.</summary>
    None,

    /// <summary>A write failed after it may have been saved (<see cref="OutcomeUnknownException"/>).</summary>
    OutcomeUnknown,

    /// <summary>The database is stopped, restarting, unreachable or out of connections (<see cref="DatabaseFailure"/>).</summary>
    Database,

    /// <summary>A silo, or the connection to it, is gone: it died or restarts, and its grains move to the others.</summary>
    ClusterNode,

    /// <summary>No answer within the deadline, cause unknown (a hung database or a silo that stopped answering).</summary>
    Timeout,
}

/// <summary>
/// Tells transient failures from bugs, for the HTTP edge (503 with Retry-After, never 500) and for tests that count
/// them. Orleans and EF Core wrap errors, and an error that crossed from a silo to a client may have lost its type
/// (see <see cref="DatabaseFailure"/>), so the whole chain of causes is looked at, the most specific cause first.
/// </summary>
public static class TransientFailure
{
    public static TransientCause Of(Exception exception)
    {
        var causes = DatabaseFailure.Causes(exception).ToList();
        if (causes.Any(c => c is OutcomeUnknownException)) return TransientCause.OutcomeUnknown;
        if (DatabaseFailure.NamesDatabase(exception)) return TransientCause.Database;
        if (causes.Any(IsClusterNode)) return TransientCause.ClusterNode;
        if (causes.Any(c => c is TimeoutException)) return TransientCause.Timeout;
        return TransientCause.None;
    }

    private static bool IsClusterNode(Exception exception) => exception is
        // A silo declared dead or unreachable, a message it could not take (it is stopping, or not yet up), or a
        // gateway it overloaded; the rejection names the cause in its message, the type says it is worth a retry.
        SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException
        // The connection to a silo or gateway broke or could not be opened (the process is gone).
        or ConnectionFailedException or ConnectionAbortedException or System.Net.Sockets.SocketException
        // A silo stopping while the call was queued on it.
        or OrleansLifecycleCanceledException;
}
