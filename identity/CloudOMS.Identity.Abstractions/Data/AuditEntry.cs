namespace CloudOMS.Identity.Data;

/// <summary>Append-only record of security-relevant events.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public string? TenantId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? Ip { get; set; }
}
