using CloudOMS.Grains;
using CloudOMS.Identity.Access;

namespace CloudOMS.WebPortal.Api;

/// <summary>The body of POST /api/skus/{code}/deactivate and /api/warehouses/{code}/deactivate.</summary>
public sealed record DeactivationInput(string? Reason);

/// <summary>
/// Why a SKU or a warehouse was taken out of use, kept in the audit log so a colleague later sees who did it and why.
/// The portal asks for it every time; the API takes it but does not insist, because integrations already call
/// deactivate without a body (the same bargain as an order's hold and cancel reason).
/// </summary>
public static class Deactivations
{
    /// <summary>As long as an order's hold or cancel reason: a sentence, not a letter.</summary>
    public const int MaxLength = Limits.ShortText * 2;

    public static FieldErrors Validate(string? reason, bool required)
    {
        var errors = new FieldErrors();
        var label = Msg.Of("Label.DeactivationReason");
        if (required) errors.Required("reason", reason?.Trim(), MaxLength, label);
        else errors.MaxLength("reason", reason?.Trim(), MaxLength, label);
        return errors;
    }

    /// <summary>Writes the change to the audit log: the record's code as the target, the reason (when deactivated) as the detail.</summary>
    public static Task Record(AuditLog audit, string tenantId, string actor, string kind, string code, bool active, string? reason) =>
        audit.Write(tenantId, actor, $"{kind}.{(active ? "activated" : "deactivated")}", code,
            active || string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
}
