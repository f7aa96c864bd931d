using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CloudOMS.Silo;

/// <summary>Settings under "CloudOms" in configuration (appsettings, environment CloudOms__*).</summary>
public sealed class CloudOmsOptions : IValidatableObject
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

    /// <summary>
    /// The IP address a silo publishes in the membership table for other silos and clients to reach it. Empty: Orleans'
    /// choice, the host's first non-loopback address (the embedded default's localhost clustering uses loopback).
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The IP address the silo and gateway ports listen on. Empty: the advertised address; 0.0.0.0: every interface.</summary>
    public string? ListenAddress { get; set; }

    /// <summary>
    /// The cluster certificate (PEM, or PKCS#12 without password): silos and clients then speak mutual TLS and accept only
    /// a peer that presents this same certificate. Empty: plain TCP, for the embedded default and tests.
    /// </summary>
    public string? ClusterCertificatePath { get; set; }

    /// <summary>The PEM private key of the cluster certificate, when <see cref="ClusterCertificatePath"/> holds none.</summary>
    public string? ClusterCertificateKeyPath { get; set; }

    /// <summary>Refuses to start without <see cref="ClusterCertificatePath"/>: set by the production settings in deploy/.</summary>
    public bool RequireClusterTls { get; set; }

    /// <summary>
    /// How the web portal reaches the grains: Silo (the default) co-hosts a silo in the portal process;
    /// Client joins the silos of the deployment as an Orleans client only (needs Storage:Provider=Postgres,
    /// where the silos, the read model and identity are shared), so portals and silos scale apart.
    /// </summary>
    public PortalHosting Hosting { get; set; } = PortalHosting.Silo;

    /// <summary>A standalone silo's HTTP port for /health/live and /health/ready (0: a free port).</summary>
    [Range(0, 65535)]
    public int HealthPort { get; set; }

    /// <summary>
    /// The IP address a standalone silo's health port listens on: loopback unless set, so probes come from the same
    /// host or pod network namespace; Kubernetes sets the pod's address (the cluster network), never every interface.
    /// </summary>
    public string HealthAddress { get; set; } = "127.0.0.1";

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

    /// <summary>
    /// Orleans clients (a portal running as client only): how often the gateway list is re-read from
    /// clustering, so a client drops a dead silo's gateway and picks up new silos without a restart.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an Orleans client keeps retrying its first connection while no silo is up yet.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClientConnectTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Collects grain call statistics for the Orleans dashboard (operators' page /ops/orleans).</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>The address a setting names, or null when it is empty; a value that is no IP address stops the start with the setting named.</summary>
    public static IPAddress? Address(string? value, string name) =>
        string.IsNullOrEmpty(value) ? null
        : IPAddress.TryParse(value, out var address) ? address
        : throw new Microsoft.Extensions.Options.OptionsValidationException(Section, typeof(CloudOmsOptions), [$"CloudOms:{name} must be an IP address, not '{value}'"]);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(AdvertisedAddress), AdvertisedAddress), (nameof(ListenAddress), ListenAddress), (nameof(HealthAddress), HealthAddress) })
            if (!string.IsNullOrEmpty(value) && !IPAddress.TryParse(value, out _))
                yield return new ValidationResult($"CloudOms:{name} must be an IP address, not '{value}'", [name]);
    }

    public string GrainStorePath => Path.Combine(DataDirectory, "grains.db");

    public string ReadModelPath => Path.Combine(DataDirectory, "readmodel.db");
}

public enum PortalHosting
{
    Silo,
    Client,
}
