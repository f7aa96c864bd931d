using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Inventory;

/// <summary>Changes to an existing SKU, shared by the HTTP API and the portal so both apply the same rules.</summary>
public static class SkuCommands
{
    /// <summary>Edits everything but the code (stock and the active flag stay); returns the field errors instead when the input is wrong.</summary>
    public static async Task<(SkuSnapshot? Sku, FieldErrors Errors)> Update(IGrainFactory grains, string tenantId, string code, SkuInput input)
    {
        var grain = Known(grains, tenantId, code);
        var errors = SkuApi.Validate(input);
        if (errors.Any) return (null, errors);
        return (await grain.Define(SkuApi.Profile(code, input), isNew: false), errors);
    }

    /// <summary>An inactive SKU takes no new orders or reservations; orders already holding it still ship or cancel.</summary>
    public static Task<SkuSnapshot> SetActive(IGrainFactory grains, string tenantId, string code, bool active) =>
        Known(grains, tenantId, code).SetActive(active);

    private static ISkuInventoryGrain Known(IGrainFactory grains, string tenantId, string code) =>
        Limits.IsCode(code) ? grains.Sku(tenantId, code) : throw CommandException.NotFound(Msg.Of("SkuCommands.SKUNotFound", code));
}
