using CloudOMS.Silo.Persistence;

namespace CloudOMS.Silo.Operations;

/// <summary>
/// Whether the grain database answers right now, asked when a request ran out of time: a database that hangs and
/// a silo that stopped answering both end in a timeout, and the caller deserves to know which. One probe runs at a
/// time and its answer serves every request for a second, so an outage does not add a query per failed request.
/// SQLite is a file in this process: it is always taken to answer.
/// </summary>
public sealed class DatabaseProbe(StorageBackend backend, TimeProvider clock)
{
    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private Task<bool>? _probe;
    private long _startedAt;

    /// <summary>True when the database answered a trivial query within <paramref name="wait"/>.</summary>
    public async Task<bool> Answers(TimeSpan wait)
    {
        if (backend.Provider != StorageProvider.Postgres) return true;
        var (probe, started) = Current();
        // A probe that has been silent for longer than this caller would wait already says enough.
        if (!probe.IsCompleted && clock.GetElapsedTime(started) >= wait) return false;
        try
        {
            return await probe.WaitAsync(wait, clock);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private (Task<bool> Probe, long StartedAt) Current()
    {
        lock (_lock)
        {
            if (_probe is null || (_probe.IsCompleted && clock.GetElapsedTime(_startedAt) > Reuse))
            {
                _startedAt = clock.GetTimestamp();
                _probe = Probe();
            }
            return (_probe, _startedAt);
        }
    }

    private async Task<bool> Probe()
    {
        try
        {
            await using var command = backend.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (Exception error) when (error is System.Data.Common.DbException || DatabaseFailure.IsUnavailable(error))
        {
            return false;
        }
    }
}
