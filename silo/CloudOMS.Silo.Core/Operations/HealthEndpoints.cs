using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudOMS.Silo.Operations;

/// <summary>
/// Probes for orchestrators and scripts, unauthenticated and outside the API description:
/// /health/live (the process answers; /healthz is the same, kept for scripts) and /health/ready
/// (databases reachable, silo active), which answers 503 naming the failing checks. Served by the
/// portal and, on CloudOms:HealthPort, by a standalone silo.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Liveness: the process answers (container HEALTHCHECK, Kubernetes livenessProbe).</summary>
    public const string LivePath = "/health/live";

    /// <summary>Readiness: databases reachable, silo active (Kubernetes readinessProbe).</summary>
    public const string ReadyPath = "/health/ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapCloudOmsHealth(this IEndpointRouteBuilder routes)
    {
        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write };
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthChecks.ReadyTag), ResponseWriter = Write };
        routes.MapHealthChecks(LivePath, live).AllowAnonymous().ExcludeFromDescription();
        routes.MapHealthChecks("/healthz", live).AllowAnonymous().ExcludeFromDescription();
        routes.MapHealthChecks(ReadyPath, ready).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ToList(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
