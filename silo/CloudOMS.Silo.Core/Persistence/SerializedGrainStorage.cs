using Orleans.Runtime;
using Orleans.Storage;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// Sits in front of the ADO.NET provider. Writes go through a bounded gate: Microsoft.Data.Sqlite
/// runs its async calls synchronously, so many grains writing at once would block thread-pool
/// threads; one writer at a time on SQLite (a pool-sized number on PostgreSQL) keeps the silo
/// responsive, and group commit in the hot grains keeps the number of writes low. After each
/// write the projection is woken so the read model follows within milliseconds.
/// </summary>
public sealed class SerializedGrainStorage(IGrainStorage inner, int maxConcurrentWrites, StorageChangeSignal changes) : IGrainStorage
{
    private readonly SemaphoreSlim _gate = new(maxConcurrentWrites, maxConcurrentWrites);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Gated(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Gated(() => inner.ClearStateAsync(stateName, grainId, grainState));

    private async Task Gated(Func<Task> write)
    {
        await _gate.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _gate.Release();
        }
        changes.Notify();
    }
}

/// <summary>Wakes the read-model projection when grain state was written.</summary>
public sealed class StorageChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next write or after <paramref name="timeout"/>, whichever is first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.WhenAny(Volatile.Read(ref _next).Task, Task.Delay(timeout, cancellationToken));
}
