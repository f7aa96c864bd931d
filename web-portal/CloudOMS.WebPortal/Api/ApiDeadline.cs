using CloudOMS.Silo;

namespace CloudOMS.WebPortal.Api;

/// <summary>
/// An API request answers within 5 s even when a database hangs rather than refuses: the grain calls it makes
/// share one deadline from the request's start, and a call still running at the deadline ends the request with
/// a <see cref="TimeoutException"/> (503 through <see cref="ApiProblems"/>). Npgsql's own timeouts alone do not
/// bound a hung server: after a command times out it first opens a connection to send a cancel request.
/// The abandoned call keeps running in the silo; its outcome is unknown, which every write already allows for
/// (retries are idempotent by their keys). Calls grains make among themselves keep Orleans' own timeout.
/// A portal running as an Orleans client also stops waiting <see cref="AfterGatewayLoss"/> after a gateway
/// connection closed (its silo died) for calls that were in flight then, with a <see cref="SiloUnavailableException"/>:
/// Orleans would let a call to the dead silo wait until the cluster declares it dead or the deadline passes.
/// </summary>
public static class ApiDeadline
{
    /// <summary>What an API request may spend in grain calls, leaving the rest of 5 s for everything else.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long a call in flight when a gateway went away may still take. Calls to live silos answer in milliseconds;
    /// one waiting on the dead silo never answers. A call cut short here has an unknown outcome, like any 503.
    /// </summary>
    public static readonly TimeSpan AfterGatewayLoss = TimeSpan.FromSeconds(1);

    private static readonly AsyncLocal<long?> Deadline = new();

    public static IServiceCollection AddApiDeadline(this IServiceCollection services) =>
        services.AddSingleton<IOutgoingGrainCallFilter>(sp => new DeadlineFilter(sp.GetRequiredService<TimeProvider>(), sp.GetService<GatewayLosses>()));

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

    private sealed class DeadlineFilter(TimeProvider clock, GatewayLosses? losses) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            if (context.SourceContext is not null || Deadline.Value is not { } deadline) return context.Invoke();
            // Read before the call starts: a loss while it is in flight completes this task.
            var lost = losses?.Next;
            return Bounded(context.Invoke(), deadline, lost, context.InterfaceMethod?.Name);
        }

        private async Task Bounded(Task call, long deadline, Task? lost, string? method)
        {
            var gatewayLost = false;
            try
            {
                if (lost is null)
                {
                    await call.WaitAsync(Left(deadline), clock);
                    return;
                }
                if (await Task.WhenAny(call, lost).WaitAsync(Left(deadline), clock) != call)
                {
                    gatewayLost = true;
                    var left = Left(deadline);
                    await call.WaitAsync(left < AfterGatewayLoss ? left : AfterGatewayLoss, clock);
                }
                await call;
            }
            catch (TimeoutException) when (!call.IsCompleted)
            {
                // Observed, so its late failure is not an unobserved task exception.
                _ = call.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                throw gatewayLost
                    ? new SiloUnavailableException($"Grain call {method} was in flight when a silo of the cluster went away; its outcome is unknown")
                    : new TimeoutException($"Grain call {method} did not finish within the request's {Budget.TotalSeconds} s");
            }
        }

        private TimeSpan Left(long deadline)
        {
            var left = TimeSpan.FromSeconds((deadline - clock.GetTimestamp()) / (double)clock.TimestampFrequency);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }
}
