namespace CloudOMS.WebPortal.Api;

/// <summary>
/// An API request answers within 5 s even when a database hangs rather than refuses: the grain calls it makes
/// share one deadline from the request's start, and a call still running at the deadline ends the request with
/// a <see cref="TimeoutException"/> (503 through <see cref="ApiProblems"/>). Npgsql's own timeouts alone do not
/// bound a hung server: after a command times out it first opens a connection to send a cancel request.
/// The abandoned call keeps running in the silo; its outcome is unknown, which every write already allows for
/// (retries are idempotent by their keys). Calls grains make among themselves keep Orleans' own timeout.
/// </summary>
public static class ApiDeadline
{
    /// <summary>What an API request may spend in grain calls, leaving the rest of 5 s for everything else.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    private static readonly AsyncLocal<long?> Deadline = new();

    public static IServiceCollection AddApiDeadline(this IServiceCollection services) =>
        services.AddSingleton<IOutgoingGrainCallFilter, DeadlineFilter>();

    public static IApplicationBuilder UseApiDeadline(this IApplicationBuilder app)
    {
        var clock = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
                Deadline.Value = clock.GetTimestamp() + (long)(Budget.TotalSeconds * clock.TimestampFrequency);
            return next(context);
        });
    }

    private sealed class DeadlineFilter(TimeProvider clock) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            if (context.SourceContext is not null || Deadline.Value is not { } deadline) return context.Invoke();
            var left = TimeSpan.FromSeconds((deadline - clock.GetTimestamp()) / (double)clock.TimestampFrequency);
            return Bounded(context.Invoke(), left, context.InterfaceMethod?.Name);
        }

        private async Task Bounded(Task call, TimeSpan left, string? method)
        {
            try
            {
                await call.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock);
            }
            catch (TimeoutException) when (!call.IsCompleted)
            {
                // Observed, so its late failure is not an unobserved task exception.
                _ = call.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                throw new TimeoutException($"Grain call {method} did not finish within the request's {Budget.TotalSeconds} s");
            }
        }
    }
}
