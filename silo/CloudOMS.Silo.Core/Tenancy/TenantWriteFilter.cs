using System.Collections.Concurrent;
using System.Reflection;
using CloudOMS.Grains;

namespace CloudOMS.Silo.Tenancy;

/// <summary>
/// Refuses every call marked <see cref="TenantWriteAttribute"/> while its tenant is read-only (unpaid) or
/// suspended, whoever calls: the API, a portal page or an import. The tenant grain answers from memory, so
/// a write costs one extra local call; reads and the stock calls an order's saga makes are not marked and
/// never pay it. The tenant grain checks its own writes itself.
/// </summary>
public sealed class TenantWriteFilter(IGrainFactory grains) : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> Marked = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod is { } method && Marked.GetOrAdd(method, m => m.IsDefined(typeof(TenantWriteAttribute)))
            && GrainKeys.TryParse(context.TargetId.Key.ToString() ?? "", out var tenantId, out var kind, out _) && kind != "tenant")
            await grains.Tenant(tenantId).EnsureWritable();
        await context.Invoke();
    }
}
