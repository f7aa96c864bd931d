using System.ComponentModel.DataAnnotations;

namespace CloudOMS.Silo;

/// <summary>Settings under "CloudOms" in configuration (appsettings, environment CloudOms__*).</summary>
public sealed class CloudOmsOptions
{
    public const string Section = "CloudOms";

    /// <summary>Folder for the SQLite files of the embedded default; created on start.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Identifies this deployment's grain state; keep it fixed across restarts.</summary>
    [Required, RegularExpression("^[a-z0-9-]{1,40}$")]
    public string ServiceId { get; set; } = "cloudoms";

    [Required, RegularExpression("^[a-z0-9-]{1,40}$")]
    public string ClusterId { get; set; } = "cloudoms-local";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Runs the read-model projection in this process.</summary>
    public bool Projection { get; set; } = true;

    /// <summary>How often every tenant's reserved stock is recomputed from its orders.</summary>
    public TimeSpan AuditInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often orders with an unfinished stock step are resumed.</summary>
    public TimeSpan SagaSweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a stop (SIGTERM) may take: the silo leaves the cluster, hands over its grains and the
    /// background services finish. Keep it below the orchestrator's grace period (Kubernetes: 30 s).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Collects grain call statistics for the Orleans dashboard (operators' page /ops/orleans).</summary>
    public bool Dashboard { get; set; } = true;

    public string GrainStorePath => Path.Combine(DataDirectory, "grains.db");

    public string ReadModelPath => Path.Combine(DataDirectory, "readmodel.db");
}
