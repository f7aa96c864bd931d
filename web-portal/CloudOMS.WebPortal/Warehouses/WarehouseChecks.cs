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
                errors.Add(field, Msg.Of("WarehouseChecks.Required", field));
                continue;
            }
            directory ??= await grains.Tenant(tenantId).GetWarehouses();
            var warehouse = directory.FirstOrDefault(w => w.Code == code);
            if (warehouse is null) errors.Add(field, Msg.Of("WarehouseChecks.UnknownWarehouse", code));
            else if (mustBeActive && !warehouse.Active) errors.Add(field, Msg.Of("WarehouseChecks.WarehouseInactive", code));
        }
    }
}
