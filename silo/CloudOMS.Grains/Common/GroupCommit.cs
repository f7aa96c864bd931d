namespace CloudOMS.Grains;

/// <summary>
/// Merges the state writes of a reentrant grain: changes made while a write is in flight are saved
/// together by the next single write. A caller awaits <see cref="WhenDurable"/> and is answered only
/// once a write that started after its change has succeeded. A failed write fails every caller joined
/// to it, but the changes stay in memory and a later write may still save them: the outcome is unknown.
/// Grain code runs on one thread at a time, so no locking is needed.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private long _changed;
    private long _durable;
    private bool _writing;
    private List<(long Target, TaskCompletionSource Done)> _waiters = [];

    /// <summary>Counts every change; a caller may remember it to wait for that change alone.</summary>
    public long Generation => _changed;

    public void Changed() => _changed++;

    public Task WhenDurable() => WhenDurable(_changed);

    /// <summary>Completes once every change up to <paramref name="target"/> is written (later ones may still be in flight).</summary>
    public Task WhenDurable(long target)
    {
        if (_durable >= target) return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((target, done));
        if (!_writing) _ = WriteLoop();
        return done.Task;
    }

    private async Task WriteLoop()
    {
        _writing = true;
        try
        {
            while (_waiters.Count > 0)
            {
                var generation = _changed;
                var batch = _waiters;
                _waiters = [];
                try
                {
                    await write();
                    _durable = generation;
                    foreach (var waiter in batch) waiter.Done.TrySetResult();
                }
                catch (Exception error)
                {
                    foreach (var waiter in batch) waiter.Done.TrySetException(error);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
