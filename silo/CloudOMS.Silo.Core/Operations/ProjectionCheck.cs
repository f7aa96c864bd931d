using CloudOMS.Silo.Projection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudOMS.Silo.Operations;

/// <summary>
/// Whether the read model keeps up: degraded (still ready, traffic keeps flowing, but an operator should look) while
/// changes wait longer than <see cref="StuckAfter"/> or more than <see cref="LagBound"/> are behind, or while changes
/// of some company are quarantined. Lists and dashboards are then stale or miss those changes; orders themselves are
/// safe in grain storage.
/// </summary>
internal sealed class ProjectionCheck(ReadModelProjector projector, ProjectionQuarantine quarantine, TimeProvider clock) : IHealthCheck
{
    /// <summary>Far more than a burst leaves behind for a moment (a batch is 500 changes).</summary>
    public const long LagBound = 10_000;

    /// <summary>How long changes may wait before the projection counts as stuck (it wakes every 0.5 s).</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!projector.Projects) return Task.FromResult(HealthCheckResult.Healthy("the read model is kept by the silos"));
        var behind = projector.Behind;
        var quarantined = Math.Max(0, quarantine.Count);
        var waiting = clock.GetUtcNow() - projector.ProgressAt;
        var data = new Dictionary<string, object> { ["lag"] = behind, ["quarantined"] = quarantined };
        var description = $"lag {behind} change(s); {quarantined} quarantined";
        var degraded = behind > LagBound || (behind > 0 && waiting > StuckAfter) || quarantined > 0;
        return Task.FromResult(degraded
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data));
    }
}
