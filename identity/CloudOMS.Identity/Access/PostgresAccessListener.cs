using CloudOMS.Identity.Data;
using Npgsql;

namespace CloudOMS.Identity.Access;

/// <summary>
/// Keeps this instance's <see cref="AccessCache"/> honest on PostgreSQL. One connection LISTENs on
/// <see cref="Channel"/>, where triggers on the identity tables announce every change that may take access away
/// (migration AccessChangeNotifications); a notification empties the cache before anything else runs on that
/// connection. The same connection makes a round trip at least every <see cref="Heartbeat"/>: each completed
/// round proves the connection alive, so the cache is trusted for <see cref="AccessCache.Lease"/> from when the
/// round was sent, and each round records in "AccessListeners" the ticket of the previous round (a number from
/// one sequence): PostgreSQL delivers a notification before answering any later command on the connection, so
/// a recorded ticket means "every change committed before that ticket has been forgotten here".
/// <see cref="PostgresAccessChanges"/> waits for that. A broken connection distrusts the cache at once, until
/// it is listening again (the cache is emptied then too, as changes in between were not heard).
/// </summary>
public sealed class PostgresAccessListener(AccessCache cache, IdentityStore store, TimeProvider clock, ILogger<PostgresAccessListener> logger)
    : BackgroundService
{
    public const string Channel = "cloudoms_access";
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    /// <summary>This process, as a row of "AccessListeners".</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    private int _notified;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Listen(() => failing = false, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                cache.Distrust();
                if (!failing) logger.LogWarning(e, "Access change listener lost its connection; bearer calls read the identity database until it is back");
                failing = true;
                await Task.Delay(Retry, clock, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        cache.Distrust();
        try
        {
            await using var connection = new NpgsqlConnection(store.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var leave = new NpgsqlCommand("""DELETE FROM identity."AccessListeners" WHERE "Id" = @id""", connection);
            leave.Parameters.AddWithValue("id", InstanceId);
            await leave.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            // Writers stop waiting for this instance once its lease has lapsed anyway.
        }
    }

    private async Task Listen(Action connected, CancellationToken stoppingToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, _) =>
        {
            cache.Invalidate();
            Volatile.Write(ref _notified, 1);
        };
        await Execute(connection, $"LISTEN {Channel}", stoppingToken);
        // Changes committed before LISTEN were not announced to this connection: forget what was read before.
        cache.Invalidate();
        await Execute(connection, """DELETE FROM identity."AccessListeners" WHERE "SeenAt" < now() - interval '1 hour'""", stoppingToken);
        connected();
        long? acknowledged = null;
        var quick = 0;
        while (true)
        {
            var sent = clock.GetTimestamp();
            acknowledged = await Round(connection, acknowledged, stoppingToken);
            cache.TrustUntil(sent + (long)(AccessCache.Lease.TotalSeconds * clock.TimestampFrequency));
            // After a notification, two more rounds at once: the second records a ticket taken after it was handled.
            if (Interlocked.Exchange(ref _notified, 0) == 1) quick = 2;
            if (quick > 0)
            {
                quick--;
                continue;
            }
            await connection.WaitAsync(Heartbeat, stoppingToken);
        }
    }

    private async Task<long> Round(NpgsqlConnection connection, long? acknowledged, CancellationToken cancellationToken)
    {
        await using var round = new NpgsqlCommand("""
            INSERT INTO identity."AccessListeners" ("Id", "Acked", "SeenAt") VALUES (@id, @acked, now())
            ON CONFLICT ("Id") DO UPDATE SET "Acked" = EXCLUDED."Acked", "SeenAt" = EXCLUDED."SeenAt"
            RETURNING nextval('identity.access_ticket')
            """, connection);
        round.Parameters.AddWithValue("id", InstanceId);
        round.Parameters.Add(new NpgsqlParameter("acked", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)acknowledged ?? DBNull.Value });
        return (long)(await round.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
