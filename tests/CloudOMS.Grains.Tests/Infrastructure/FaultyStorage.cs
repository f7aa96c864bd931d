using System.Collections.Concurrent;
using CloudOMS.Silo;
using CloudOMS.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CloudOMS.Grains.Tests.Infrastructure;

public enum FaultMode
{
    /// <summary>The write never reaches the database and throws.</summary>
    FailBeforeWrite,
    /// <summary>The write is saved but the caller is told it failed.</summary>
    FailAfterWrite,
    /// <summary>The write never completes (a silo dying mid-write).</summary>
    Hang,
    /// <summary>The database refuses the connection, as Npgsql reports a stopped PostgreSQL; reads fail too.</summary>
    DatabaseAway,
}

/// <summary>
/// A fault for writes of one state name to keys containing <see cref="KeyPart"/>. Plans are shared by every test
/// cluster in the process and test classes run in parallel, so a key part must name the test's own tenant
/// (e.g. <c>GrainKeys.Order(tenant, "SO-1")</c>): "order:SO-1" alone also hung another test's order SO-1. The first
/// <see cref="Skip"/> matching writes pass, the next <see cref="Count"/> fail as <see cref="Mode"/> says.
/// If <see cref="Gate"/> is set, the first faulty write waits for it before failing.
/// </summary>
public sealed class FaultPlan(string stateName, string keyPart, FaultMode mode, int skip = 0, int count = 1)
{
    private int _seen;
    private int _faulted;

    public string StateName => stateName;
    public string KeyPart => keyPart;
    public FaultMode Mode => mode;
    public TaskCompletionSource? Gate { get; init; }
    public int Faulted => Volatile.Read(ref _faulted);

    internal bool Take()
    {
        var n = Interlocked.Increment(ref _seen);
        if (n <= skip || n > skip + count) return false;
        Interlocked.Increment(ref _faulted);
        return true;
    }
}

/// <summary>Wraps the real CloudOMS grain storage and injects the faults that tests arm; counts the writes that land.</summary>
public sealed class FaultyStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<FaultPlan, byte> Plans = new();
    private static readonly ConcurrentDictionary<(string State, string Key), int> Writes = new();

    /// <summary>The writes that landed, by state name, for keys containing <paramref name="keyPart"/> (a test's own tenant).</summary>
    public static IReadOnlyDictionary<string, int> WritesFor(string keyPart) =>
        Writes.Where(w => w.Key.Key.Contains(keyPart, StringComparison.Ordinal))
            .GroupBy(w => w.Key.State)
            .ToDictionary(g => g.Key, g => g.Sum(w => w.Value));

    public static IDisposable Arm(FaultPlan plan)
    {
        Plans[plan] = 0;
        return new Disarm(plan);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = grainId.Key.ToString()!;
        return Plans.Keys.Any(p => p.Mode == FaultMode.DatabaseAway && p.StateName == stateName && key.Contains(p.KeyPart, StringComparison.Ordinal) && p.Take())
            ? throw DatabaseAway()
            : inner.ReadStateAsync(stateName, grainId, grainState);
    }

    /// <summary>What Npgsql throws when nothing listens on the server's port any more.</summary>
    public static Npgsql.NpgsqlException DatabaseAway() =>
        new("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = grainId.Key.ToString()!;
        var plan = Plans.Keys.FirstOrDefault(p => p.StateName == stateName && key.Contains(p.KeyPart, StringComparison.Ordinal) && p.Take());
        if (plan is null)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            Writes.AddOrUpdate((stateName, key), 1, (_, n) => n + 1);
            return;
        }
        if (plan.Gate is { } gate) await gate.Task;
        switch (plan.Mode)
        {
            case FaultMode.FailBeforeWrite:
                throw new IOException($"Injected failure before writing {key}");
            case FaultMode.DatabaseAway:
                throw DatabaseAway();
            case FaultMode.FailAfterWrite:
                await inner.WriteStateAsync(stateName, grainId, grainState);
                throw new IOException($"Injected failure after writing {key}");
            default:
                await Task.Delay(Timeout.Infinite);
                break;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    private sealed class Disarm(FaultPlan plan) : IDisposable
    {
        public void Dispose() => Plans.TryRemove(plan, out _);
    }

    /// <summary>Silo configurator that puts the faulty storage in front of the CloudOMS store.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) =>
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (sp, _) => new FaultyStorage(
                SiloHostingExtensions.GatedStorage(sp)));
    }
}
