namespace CloudOMS.Silo.Projection;

/// <summary>Tells live views (the dashboard) which tenants' read-model rows just changed.</summary>
public sealed class ReadModelNotifications
{
    public event Action<string>? Changed;

    public void Raise(IEnumerable<string> tenantIds)
    {
        foreach (var tenantId in tenantIds) Changed?.Invoke(tenantId);
    }
}
