using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// Waits for something that follows a write asynchronously (the read model) by probing until the
/// condition holds, failing with the last value seen when the timeout passes.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    // Between probes only, so a slow machine is not hammered; the wait ends as soon as the condition holds.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(condition))] string? what = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (condition(value)) return value;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Not true within {limit.TotalSeconds:0.#} s: {what}. Last value: {JsonSerializer.Serialize(value, OmsClient.Json)}");
            await Task.Delay(PollInterval);
        }
    }
}
