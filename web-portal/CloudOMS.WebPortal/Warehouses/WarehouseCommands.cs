using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.WebPortal.Api;

namespace CloudOMS.WebPortal.Warehouses;

/// <summary>
/// Changes to an existing warehouse, shared by the HTTP API and the portal so both check the same
/// input and the same warehouse scope. A warehouse the caller may not see is as good as unknown (404).
/// </summary>
public static class WarehouseCommands
{
    /// <summary>Edits everything but the code; returns the field errors instead when the input is wrong.</summary>
    public static async Task<(WarehouseInfo? Info, FieldErrors Errors)> Update(IGrainFactory grains, string tenantId, Func<string, bool> sees, string code, WarehouseInput input)
    {
        var grain = Visible(grains, tenantId, sees, code);
        var errors = Validate(input);
        if (errors.Any) return (null, errors);
        return (await grain.Update(Draft(input)), errors);
    }

    /// <summary>
    /// A deactivated warehouse keeps its stock and orders but gets no new allocations or receipts.
    /// The audit log keeps who changed it and, on deactivation, why (<see cref="Deactivations"/>).
    /// </summary>
    public static async Task<WarehouseInfo> SetActive(IGrainFactory grains, AuditLog audit, AccessGrant actor, Func<string, bool> sees, string code, bool active, string? reason)
    {
        var info = await Visible(grains, actor.TenantId, sees, code).SetActive(active);
        await Deactivations.Record(audit, actor.TenantId, actor.Actor, "warehouse", code, active, reason);
        return info;
    }

    private static IWarehouseGrain Visible(IGrainFactory grains, string tenantId, Func<string, bool> sees, string code) =>
        Limits.IsCode(code) && sees(code)
            ? grains.Warehouse(tenantId, code)
            : throw CommandException.NotFound(Msg.Of("WarehouseCommands.WarehouseNotFound", code));

    /// <summary>The rules every warehouse meets, whether made or edited through the API or the portal (the code is checked apart).</summary>
    public static FieldErrors Validate(WarehouseInput input)
    {
        var errors = new FieldErrors();
        errors.Required("name", input.Name, Limits.ShortText, Msg.Of("Label.WarehouseName"));
        errors.Required("province", input.Province, 20, Msg.Of("Label.Province"));
        errors.Required("city", input.City, 20, Msg.Of("Label.City"));
        errors.Required("address", input.Address, Limits.Address, Msg.Of("Label.Address"));
        if (input.Priority is < 1 or > 999) errors.Add("priority", Msg.Of("WarehouseApi.PriorityFirst"));
        return errors;
    }

    public static WarehouseDraft Draft(WarehouseInput input) =>
        new(input.Name!.Trim(), input.Province!.Trim(), input.City!.Trim(), input.Address!.Trim(), input.Priority);
}
