namespace CloudOMS.Grains.Tests.Infrastructure;

/// <summary>Awaits a condition with a timeout instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "condition"}; last value: {value}");
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Calls until one call answers within <paramref name="attempt"/>, as a caller retrying after a failure
    /// would; after <paramref name="timeout"/> the last failure is thrown.
    /// </summary>
    public static async Task<T> Succeeds<T>(Func<Task<T>> call, TimeSpan attempt, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                return await call().WaitAsync(attempt);
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }
}
