using CloudOMS.Identity.Data;
using Npgsql;

namespace CloudOMS.Identity.Access;

/// <summary>
/// PostgreSQL: the triggers have already told every instance at commit; <see cref="Published"/> waits until each
/// live instance (a row of "AccessListeners" seen within its lease) has acknowledged a ticket taken after the
/// change, so the call that made the change answers only once no instance still trusts the old answers. An
/// instance that does not acknowledge stops trusting its cache when its lease lapses, so the wait is bounded by
/// <see cref="AccessCache.Lease"/>; if the database cannot be asked, the wait lasts the lease.
/// </summary>
public sealed class PostgresAccessChanges(AccessCache cache, IdentityStore store, TimeProvider clock, ILogger<PostgresAccessChanges> logger)
    : IAccessChanges
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    // Lease plus a margin for clock rates and the time a round takes to reach the server.
    private static readonly TimeSpan Bound = AccessCache.Lease + TimeSpan.FromMilliseconds(500);

    public void Committed() => cache.Invalidate();

    public async Task Published(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        try
        {
            await using var connection = new NpgsqlConnection(store.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            // The ticket is taken before this statement commits, and its notification is delivered after:
            // a listener's next round after handling it takes a later ticket.
            await using var ping = new NpgsqlCommand(
                $"SELECT nextval('identity.access_ticket') FROM (SELECT pg_notify('{PostgresAccessListener.Channel}', 'published')) AS n", connection);
            var ticket = (long)(await ping.ExecuteScalarAsync(cancellationToken))!;
            await using var waiting = new NpgsqlCommand("""
                SELECT count(*) FROM identity."AccessListeners"
                WHERE "SeenAt" > clock_timestamp() - @bound AND ("Acked" IS NULL OR "Acked" <= @ticket)
                """, connection);
            waiting.Parameters.AddWithValue("bound", Bound);
            waiting.Parameters.AddWithValue("ticket", ticket);
            while ((long)(await waiting.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                if (clock.GetElapsedTime(started) > Bound * 2)
                {
                    logger.LogError("Instances renewed their access cache lease without acknowledging ticket {Ticket}", ticket);
                    return;
                }
                await Task.Delay(Poll, clock, cancellationToken);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Could not confirm that every instance forgot revoked access; waiting out the cache lease");
            var left = Bound - clock.GetElapsedTime(started);
            if (left > TimeSpan.Zero) await Task.Delay(left, clock, cancellationToken);
        }
    }
}
