using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// The errors the portal logs while it is fuzzed. A 500 answers only "an error occurred" (rightly); the report
/// needs the exception behind it, found here by the trace id the problem body carries. Errors outside a request
/// (the projection's retries) are kept too.
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, string> _byTrace = new();
    private readonly ConcurrentQueue<string> _background = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The first error logged while handling the request with this trace id ("00-{trace}-{span}-00" or its middle part).</summary>
    public string? ErrorOf(string? traceId)
    {
        if (string.IsNullOrEmpty(traceId)) return null;
        var trace = traceId.Split('-') is { Length: 4 } parts ? parts[1] : traceId;
        return _byTrace.TryGetValue(trace, out var error) ? error : null;
    }

    /// <summary>Errors logged with an exception outside any request, each once with how often it came.</summary>
    public IReadOnlyList<string> Background => [.. _background.GroupBy(e => e).Select(g => $"{g.Count()} x {g.Key}")];

    public void Dispose()
    {
    }

    /// <summary>
    /// Per request, the last exception logged wins: the handler that answered (the exception handler for a 500,
    /// ApiProblems' warning for a 503) logs after whatever failed on the way. Errors without one are kept if nothing else is.
    /// </summary>
    private void Add(LogLevel level, string category, string message, Exception? exception)
    {
        var error = exception is null ? $"{category}: {message.Split('\n')[0]}" : Describe(exception);
        if (Activity.Current is not { } activity)
        {
            // With its exception only: the failed command EF logs on the way says less, once per parameter list.
            if (level >= LogLevel.Error && exception is not null && _background.Count < 1000) _background.Enqueue(error);
        }
        else if (exception is not null) _byTrace[activity.TraceId.ToString()] = error;
        else if (level >= LogLevel.Error) _byTrace.TryAdd(activity.TraceId.ToString(), error);
    }

    /// <summary>The exception chain, one line each, without stack traces: type and message say which defect it is.</summary>
    public static string Describe(Exception exception)
    {
        var chain = new List<string>();
        for (var e = exception; e is not null && chain.Count < 4; e = e.InnerException)
            chain.Add($"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
        return string.Join(" <- ", chain);
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Add(logLevel, category, formatter(state, exception), exception);
        }
    }
}
