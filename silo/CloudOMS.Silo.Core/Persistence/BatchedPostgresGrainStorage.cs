using System.Globalization;
using Orleans.Runtime;
using Orleans.Storage;

namespace CloudOMS.Silo.Persistence;

/// <summary>A grain row to write: the provider's parameters (string grain keys: N0 = N1 = 0, the key as extension).</summary>
public sealed record GrainRow(string ServiceId, string StateName, string GrainKey, byte[] Payload, int? ExpectedVersion);

/// <summary>How both write batchers save a grain state: the provider's row, its version checked and moved on.</summary>
public static class GrainRows
{
    /// <summary>
    /// Writes the state as one row through <paramref name="write"/> (which answers the new version, or null when the
    /// stored version was not the expected one): a version conflict is the provider's InconsistentStateException.
    /// </summary>
    public static async Task Write<T>(Func<GrainRow, Task<int?>> write, IGrainStorageSerializer serializer, string serviceId,
        string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        int? expected = grainState.ETag is { } etag ? int.Parse(etag, CultureInfo.InvariantCulture) : null;
        var payload = serializer.Serialize(grainState.State).ToArray();
        var version = await write(new GrainRow(serviceId, stateName, grainId.Key.ToString()!, payload, expected));
        if (version is null)
            throw new InconsistentStateException($"Version conflict writing {stateName} of {grainId}: the stored version is not {grainState.ETag ?? "absent"}",
                "unknown", grainState.ETag ?? "");
        grainState.ETag = version.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }
}

/// <summary>
/// The PostgreSQL grain storage: reads and clears through the ADO.NET provider, writes through the
/// <see cref="PostgresWriteBatcher"/> (serialized here with the provider's own serializer, so the stored bytes are
/// the same). Clears are rare and need no turn of their own: PostgreSQL runs them beside the batches.
/// </summary>
public sealed class BatchedPostgresGrainStorage(
    IGrainStorage inner, PostgresWriteBatcher batcher, IGrainStorageSerializer serializer, string serviceId, StorageChangeSignal changes) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GrainRows.Write(batcher.Write, serializer, serviceId, stateName, grainId, grainState);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ClearStateAsync(stateName, grainId, grainState);
        changes.Notify();
    }
}
