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

    /// <summary>Errors logged outside any request, each once with how often it came.</summary>
    public IReadOnlyList<string> Background => [.. _background.GroupBy(e => e).Select(g => $"{g.Count()} x {g.Key}")];

    public void Dispose()
    {
    }

    /// <summary>Per request, the unhandled exception wins over what was logged on the way (a failed command, a failed save).</summary>
    private void Add(string category, string message, Exception? exception)
    {
        var error = exception is null ? $"{category}: {message.Split('\n')[0]}" : Describe(exception);
        if (Activity.Current is not { } activity)
        {
            if (_background.Count < 1000) _background.Enqueue(error);
        }
        else if (category.EndsWith("ExceptionHandlerMiddleware", StringComparison.Ordinal)) _byTrace[activity.TraceId.ToString()] = error;
        else _byTrace.TryAdd(activity.TraceId.ToString(), error);
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

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Add(category, formatter(state, exception), exception);
        }
    }
}
