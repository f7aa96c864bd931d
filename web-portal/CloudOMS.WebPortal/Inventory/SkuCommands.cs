using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.WebPortal.Api;

namespace CloudOMS.WebPortal.Inventory;

/// <summary>Changes to an existing SKU, shared by the HTTP API and the portal so both apply the same rules.</summary>
public static class SkuCommands
{
    /// <summary>Edits everything but the code (stock and the active flag stay); returns the field errors instead when the input is wrong.</summary>
    public static async Task<(SkuSnapshot? Sku, FieldErrors Errors)> Update(IGrainFactory grains, string tenantId, string code, SkuInput input)
    {
        var grain = Known(grains, tenantId, code);
        var errors = Validate(input);
        if (errors.Any) return (null, errors);
        return (await grain.Define(Profile(code, input), isNew: false), errors);
    }

    /// <summary>
    /// An inactive SKU takes no new orders or reservations; orders already holding it still ship or cancel.
    /// The audit log keeps who changed it and, on deactivation, why (<see cref="Deactivations"/>).
    /// </summary>
    public static async Task<SkuSnapshot> SetActive(IGrainFactory grains, AuditLog audit, AccessGrant actor, string code, bool active, string? reason)
    {
        var sku = await Known(grains, actor.TenantId, code).SetActive(active);
        await Deactivations.Record(audit, actor.TenantId, actor.Actor, "sku", code, active, reason);
        return sku;
    }

    private static ISkuInventoryGrain Known(IGrainFactory grains, string tenantId, string code) =>
        Limits.IsCode(code) ? grains.Sku(tenantId, code) : throw CommandException.NotFound(Msg.Of("SkuCommands.SKUNotFound", code));

    /// <summary>The rules every SKU meets, whether made or edited through the API or the portal (the code is checked apart).</summary>
    public static FieldErrors Validate(SkuInput input)
    {
        var errors = new FieldErrors();
        errors.Required("name", input.Name, Limits.Name, Msg.Of("Label.ProductName"));
        errors.Required("unit", input.Unit, 10, Msg.Of("Label.Unit"));
        if (input.Barcode is { Length: > 0 } barcode && (barcode.Length > 32 || !barcode.All(char.IsAsciiLetterOrDigit)))
            errors.Add("barcode", Msg.Of("SkuApi.BarcodeLettersDigitsMost"));
        errors.Money("price", input.Price, Msg.Of("Label.UnitPrice"));
        if (input.WeightKg < 0 || input.WeightKg > 100_000 || decimal.Round(input.WeightKg, 3) != input.WeightKg)
            errors.Add("weightKg", Msg.Of("SkuApi.WeightKgMostDecimals"));
        if (input.SafetyStock < 0 || input.SafetyStock > Limits.MaxQuantity)
            errors.Add("safetyStock", Msg.Of("SkuApi.SafetyStockNotNegative"));
        return errors;
    }

    public static SkuProfile Profile(string code, SkuInput input) =>
        new(code, input.Name!.Trim(), string.IsNullOrWhiteSpace(input.Barcode) ? null : input.Barcode, input.Unit!.Trim(),
            input.Price, input.WeightKg, input.SafetyStock);
}
