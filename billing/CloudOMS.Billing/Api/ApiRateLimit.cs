using System.Collections.Concurrent;
using System.Globalization;
using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Edge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.Billing.Api;

/// <summary>
/// The plan's API requests per minute, per tenant across every portal instance: each instance takes a
/// twentieth of the minute's quota at a time from the tenant grain and serves it locally, so most requests
/// cost no grain call, and a plan without a rate limit costs one call a minute.
/// </summary>
public sealed class ApiRateLimiter(IGrainFactory grains, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    /// <summary>Null when the request may go on; otherwise how long to wait and the plan's limit.</summary>
    public async ValueTask<(TimeSpan RetryAfter, int Limit)?> TryTake(string tenantId)
    {
        var bucket = _buckets.GetOrAdd(tenantId, _ => new Bucket());
        await bucket.Gate.WaitAsync();
        try
        {
            var now = clock.GetUtcNow();
            if (now < bucket.Ends)
            {
                if (bucket.Limit is null) return null;
                if (bucket.Left > 0)
                {
                    bucket.Left--;
                    return null;
                }
                if (bucket.Spent) return (bucket.Ends - now, bucket.Limit.Value);
            }
            var wanted = bucket.Limit is { } limit ? Math.Clamp(limit / 20, 1, 100) : 1;
            var allowance = await grains.Tenant(tenantId).TakeApiCalls(wanted);
            bucket.Ends = allowance.WindowEnds;
            bucket.Limit = allowance.Limit;
            bucket.Left = allowance.Granted;
            bucket.Spent = allowance.Granted < wanted;
            if (allowance.Limit is null) return null;
            if (bucket.Left == 0) return (bucket.Ends - now, allowance.Limit.Value);
            bucket.Left--;
            return null;
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private sealed class Bucket
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DateTimeOffset Ends;
        public int? Limit;
        public int Left;
        public bool Spent;
    }
}

public static class ApiRateLimitExtensions
{
    /// <summary>429 with Retry-After for an API caller whose tenant used its plan's requests of this minute.</summary>
    public static IApplicationBuilder UseApiRateLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetRequiredService<CurrentAccess>().Grant is not { } grant
                || await context.RequestServices.GetRequiredService<ApiRateLimiter>().TryTake(grant.TenantId) is not { } refused)
            {
                await next(context);
                return;
            }
            var seconds = Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Problems.Result(ErrorCodes.RateLimited, Msg.Get("ApiRateLimit.PlanSAPILimitRequestsMinute", refused.Limit, seconds),
                new Dictionary<string, object?> { ["upgradeUrl"] = "/app/settings/billing" }).ExecuteAsync(context);
        });
}
