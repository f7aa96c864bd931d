using HdrHistogram;

namespace CloudOMS.LoadTests.Engine;

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record Percentiles(double P50, double P90, double P99, double P999, double Max, double Mean)
{
    public static Percentiles From(HistogramBase histogram) => histogram.TotalCount == 0
        ? new(0, 0, 0, 0, 0, 0)
        : new(Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(90)), Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetValueAtPercentile(99.9)), Ms(histogram.GetMaxValue()), histogram.GetMean() / 1000.0);

    private static double Ms(long microseconds) => microseconds / 1000.0;

    /// <summary>No answer was measured (e.g. a saturated system sent nothing after the ramp-up).</summary>
    public bool IsEmpty => Max == 0;
}

/// <summary>
/// One second of a run: answers completed in it and their latency, the scenario's own count (e.g. orders placed)
/// in it, and memory for drift (soak): this process's GC heap and the measured server's resident memory.
/// </summary>
public sealed record SecondStats(int Second, long Completed, long Errors, double P50, double P99, long Sent, long InFlight, double HeapMb, double WorkingSetMb, long Counted = 0);

/// <summary>The figures of one measured run.</summary>
public sealed record RunStats(
    string Name,
    string Load,
    double Seconds,
    long Sent,
    long Completed,
    long Refused,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorKinds,
    Percentiles Latency,
    IReadOnlyList<SecondStats> Timeline)
{
    /// <summary>Answers per second over the measured part (after the ramp-up), successes and refusals alike.</summary>
    public double Throughput { get; init; }

    /// <summary>Latency of the measured part only (after the ramp-up).</summary>
    public Percentiles? SteadyLatency { get; init; }

    /// <summary>The latency to report: the measured part's, or the whole run's when nothing was sent after the ramp-up.</summary>
    public Percentiles Reported => SteadyLatency is { IsEmpty: false } steady ? steady : Latency;

    /// <summary>Requests the schedule made due (open model); more than were sent when the server fell behind the cap.</summary>
    public long Due { get; init; }

    /// <summary>The scenario's own count per second over the measured part (e.g. orders placed), when it keeps one.</summary>
    public double CountedPerSecond { get; init; }
}
