using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace CloudOMS.LoadTests.Engine;

/// <summary>
/// Offers load by a <see cref="LoadProfile"/> and measures it: latency into HdrHistogram (microseconds, 3 digits),
/// a line per second of answers, latency, requests in flight and memory, and errors by kind. One dispatcher
/// thread starts the requests on time; the requests themselves run wherever their awaits take them.
/// </summary>
public sealed class OpenModelRunner(string name, LoadProfile profile, TextWriter progress)
{
    private const long HighestMicroseconds = 10L * 60 * 1_000_000;

    /// <summary>How long answers still outstanding when the schedule ends are waited for, before they count as unanswered.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A count of the scenario's own (e.g. orders placed), sampled every second.</summary>
    public Func<long>? Counter { get; init; }

    /// <summary>Resident memory of the measured server in MiB, when it runs in another process (else this process's).</summary>
    public Func<double>? ServerMemoryMb { get; init; }

    /// <summary>Names an error for the report ("timeout", "HTTP 503", ...).</summary>
    public Func<Exception, string> ErrorKind { get; init; } = e => e.GetType().Name;

    private readonly Recorder _interval = new(1, HighestMicroseconds, 3, (id, low, high, digits) => new LongHistogram(id, low, high, digits));
    private readonly LongHistogram _all = new(HighestMicroseconds, 3);
    private readonly LongHistogram _steady = new(HighestMicroseconds, 3);
    private readonly Recorder _steadyRecorder = new(1, HighestMicroseconds, 3, (id, low, high, digits) => new LongHistogram(id, low, high, digits));
    private readonly ConcurrentDictionary<string, long> _errorKinds = new();
    private readonly List<SecondStats> _timeline = [];
    private long _sent, _completed, _refused, _errors, _inFlight, _intervalErrors, _lastCompleted;
    private long _start, _steadyFrom, _lastCounted;

    public async Task<RunStats> Run(Func<long, Task<Outcome>> call, CancellationToken cancellationToken)
    {
        _start = Stopwatch.GetTimestamp();
        _steadyFrom = _start + (long)(profile.RampUp.TotalSeconds * Stopwatch.Frequency);
        using var ticker = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        if (profile.Closed)
            await Task.WhenAll(Enumerable.Range(0, profile.MaxInFlight).Select(_ => Task.Run(() => Caller(call, cancellationToken), cancellationToken)));
        else
            await Task.Factory.StartNew(() => Dispatch(call, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var drainUntil = Stopwatch.GetTimestamp() + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _inFlight) > 0 && Stopwatch.GetTimestamp() < drainUntil) await Task.Delay(20, CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        ticker.Dispose();
        Tick();
        var unanswered = Interlocked.Read(ref _inFlight);
        if (unanswered > 0) _errorKinds.AddOrUpdate("unanswered", unanswered, (_, n) => n + unanswered);
        lock (_timeline)
        {
            var steadySeconds = _timeline.Where(s => s.Second > profile.RampUp.TotalSeconds && s.Second <= profile.Total.TotalSeconds).ToList();
            var throughput = steadySeconds.Count == 0 ? _completed / Math.Max(seconds, 1e-9) : steadySeconds.Average(s => (double)s.Completed);
            return new RunStats(name, profile.Describe(), seconds, _sent, _completed, _refused, _errors + unanswered,
                new Dictionary<string, long>(_errorKinds), Percentiles.From(_all), [.. _timeline])
            {
                Throughput = throughput,
                Due = profile.Closed ? _sent : profile.DueBy(profile.Total.TotalSeconds),
                SteadyLatency = Percentiles.From(_steady),
                CountedPerSecond = steadySeconds.Count == 0 ? 0 : steadySeconds.Average(s => (double)s.Counted),
            };
        }
    }

    private void Dispatch(Func<long, Task<Outcome>> call, CancellationToken cancellationToken)
    {
        using var room = new SemaphoreSlim(profile.MaxInFlight, profile.MaxInFlight);
        var total = profile.Total.TotalSeconds;
        var end = _start + (long)(total * Stopwatch.Frequency);
        long next = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetElapsedTime(_start).TotalSeconds;
            if (now >= total) break;
            var due = profile.DueBy(now);
            // Requests still unsent when the run ends (the cap was full: the server fell behind) are never sent;
            // the report shows them as the difference between due and sent.
            while (next < due && !cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < end)
            {
                if (!room.Wait(TimeSpan.FromMilliseconds(50), cancellationToken)) continue;
                var dueAt = _start + (long)(profile.DueSeconds(next) * Stopwatch.Frequency);
                _ = Execute(call, next++, dueAt, room);
            }
            var ahead = profile.DueSeconds(next) - Stopwatch.GetElapsedTime(_start).TotalSeconds;
            if (ahead > 0.002) Thread.Sleep(1);
            else if (ahead > 0) Thread.Yield();
        }
        // Wait for room to be given back so the drain sees every request.
        for (var i = 0; i < profile.MaxInFlight; i++) room.Wait(Drain);
    }

    private async Task Caller(Func<long, Task<Outcome>> call, CancellationToken cancellationToken)
    {
        var end = _start + (long)(profile.Total.TotalSeconds * Stopwatch.Frequency);
        while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < end)
            await Execute(call, Interlocked.Increment(ref _sent) - 1, Stopwatch.GetTimestamp(), null, counted: true);
    }

    private async Task Execute(Func<long, Task<Outcome>> call, long index, long dueAt, SemaphoreSlim? room, bool counted = false)
    {
        if (!counted) Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _inFlight);
        try
        {
            var outcome = await call(index);
            Record(dueAt);
            if (outcome.Refused) Interlocked.Increment(ref _refused);
        }
        catch (Exception error)
        {
            Record(dueAt);
            Interlocked.Increment(ref _errors);
            Interlocked.Increment(ref _intervalErrors);
            _errorKinds.AddOrUpdate(ErrorKind(error), 1, (_, n) => n + 1);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            room?.Release();
        }
    }

    private void Record(long dueAt)
    {
        var micros = Math.Clamp((Stopwatch.GetTimestamp() - dueAt) * 1_000_000 / Stopwatch.Frequency, 1, HighestMicroseconds);
        _interval.RecordValue(micros);
        if (dueAt >= _steadyFrom) _steadyRecorder.RecordValue(micros);
        Interlocked.Increment(ref _completed);
    }

    private void Tick()
    {
        lock (_timeline)
        {
            var interval = _interval.GetIntervalHistogram();
            _all.Add(interval);
            _steady.Add(_steadyRecorder.GetIntervalHistogram());
            var completed = Interlocked.Read(ref _completed);
            var gc = GC.GetGCMemoryInfo();
            var counted = Counter?.Invoke() ?? 0;
            var second = new SecondStats(_timeline.Count + 1, completed - _lastCompleted, Interlocked.Exchange(ref _intervalErrors, 0),
                interval.TotalCount == 0 ? 0 : interval.GetValueAtPercentile(50) / 1000.0,
                interval.TotalCount == 0 ? 0 : interval.GetValueAtPercentile(99) / 1000.0,
                Interlocked.Read(ref _sent), Interlocked.Read(ref _inFlight),
                gc.HeapSizeBytes / 1048576.0, ServerMemoryMb?.Invoke() ?? Environment.WorkingSet / 1048576.0, counted - _lastCounted);
            _lastCompleted = completed;
            _lastCounted = counted;
            _timeline.Add(second);
            progress.WriteLine($"  [{name}] {second.Second,3}s  sent {second.Sent,12:N0}  answered {second.Completed,9:N0}/s  " +
                $"p50 {second.P50,8:0.###} ms  p99 {second.P99,8:0.###} ms  in flight {second.InFlight,6:N0}  errors {Interlocked.Read(ref _errors):N0}");
        }
    }
}
