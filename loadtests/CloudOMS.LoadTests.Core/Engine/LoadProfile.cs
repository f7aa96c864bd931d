namespace CloudOMS.LoadTests.Engine;

/// <summary>
/// How load is offered. With a <see cref="Rate"/>, the model is open: request i is due at
/// t0 + (its place on a linear ramp to the rate, then the rate), whether or not earlier ones were answered,
/// and its latency counts from that due time, so a stalled server cannot hide the queue it builds.
/// <see cref="MaxInFlight"/> caps the requests outstanding at once; a request waiting for room is late and its
/// wait is part of its latency. A rate of 0 means closed: <see cref="MaxInFlight"/> callers, each sending its next
/// request as soon as the last one was answered (for saturation throughput; latency then counts from the send).
/// </summary>
public sealed record LoadProfile(double Rate, TimeSpan RampUp, TimeSpan Duration, int MaxInFlight)
{
    public bool Closed => Rate <= 0;

    public TimeSpan Total => RampUp + Duration;

    /// <summary>Seconds after the start at which request <paramref name="index"/> is due.</summary>
    public double DueSeconds(long index)
    {
        var ramp = RampUp.TotalSeconds;
        var rampRequests = Rate * ramp / 2; // the area under the ramp from 0 to the rate
        if (index < rampRequests) return Math.Sqrt(2 * index * ramp / Rate);
        return ramp + (index - rampRequests) / Rate;
    }

    /// <summary>Requests due by <paramref name="seconds"/> after the start.</summary>
    public long DueBy(double seconds)
    {
        var ramp = RampUp.TotalSeconds;
        if (seconds <= 0) return 0;
        if (seconds < ramp) return (long)Math.Ceiling(Rate * seconds * seconds / (2 * ramp));
        return (long)Math.Ceiling(Rate * ramp / 2 + Rate * (Math.Min(seconds, Total.TotalSeconds) - ramp));
    }

    public string Describe() => Closed
        ? $"closed, {MaxInFlight} callers, {Duration.TotalSeconds:0.#} s"
        : $"open, {Rate:N0}/s after {RampUp.TotalSeconds:0.#} s ramp, {Duration.TotalSeconds:0.#} s, at most {MaxInFlight} in flight";
}

/// <summary>What one request came to. Refused is an answer (e.g. out of stock), not an error.</summary>
public readonly record struct Outcome(bool Refused)
{
    public static readonly Outcome Ok = new(false);
    public static readonly Outcome Refusal = new(true);
}
