using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Warehouses;

/// <summary>Checks warehouse codes in input against the tenant's directory (the grain, not the read model).</summary>
public static class WarehouseChecks
{
    public static async Task Known(IGrainFactory grains, string tenantId, FieldErrors errors, params (string Field, string? Code, bool MustBeActive)[] checks)
    {
        IReadOnlyList<WarehouseRef>? directory = null;
        foreach (var (field, code, mustBeActive) in checks)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add(field, $"请选择仓库 / {field} is required");
                continue;
            }
            directory ??= await grains.Tenant(tenantId).GetWarehouses();
            var warehouse = directory.FirstOrDefault(w => w.Code == code);
            if (warehouse is null) errors.Add(field, $"仓库 {code} 不存在 / unknown warehouse");
            else if (mustBeActive && !warehouse.Active) errors.Add(field, $"仓库 {code} 已停用 / warehouse is inactive");
        }
    }
}
