using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Orders;

/// <summary>The order, whether this call created it, and how its review stands (自动审核 may have approved it already).</summary>
public sealed record IntakeResult(OrderSnapshot Order, bool Created, IntakeReview Review);

/// <summary>
/// Creates orders from any channel. A channel's own order number is bound to one CloudOMS order the
/// first time it is seen, so re-sending the same channel order returns the existing one.
/// </summary>
public sealed class OrderIntake(IGrainFactory grains)
{
    /// <summary>Input errors by field, including SKUs the tenant does not have or has deactivated.</summary>
    public async Task<FieldErrors> Validate(string tenantId, NewOrder order)
    {
        var errors = OrderValidator.Validate(order);
        if (errors.Any) return errors;
        var codes = order.Lines.Select(l => l.SkuCode).Distinct().ToList();
        var found = await Task.WhenAll(codes.Select(c => grains.Sku(tenantId, c).Get()));
        var skus = codes.Zip(found).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!);
        OrderValidator.CheckSkus(errors, order.Lines, skus);
        return errors;
    }

    /// <summary>
    /// Creates the order (after <see cref="Validate"/>); idempotent per channel order number and per Idempotency-Key
    /// (<paramref name="key"/>, bound to the request's <paramref name="fingerprint"/>). A replay returns the order and
    /// takes nothing: the order number (and a unit of the monthly quota) is taken only where the binding is made.
    /// With the company's 自动审核 on, the order grain approves the order in the same call (see IOrderGrain.Intake).
    /// </summary>
    public async Task<IntakeResult> Create(string tenantId, NewOrder order, string? key = null, string? fingerprint = null)
    {
        var external = order.ExternalOrderNo is { Length: > 0 } number ? grains.ChannelOrder(tenantId, order.Channel, number) : null;
        OrderBinding binding;
        if (key is null) binding = external is null ? new OrderBinding(await grains.Tenant(tenantId).NextOrderId(), Fresh: true) : await external.Bind();
        else if (external is null) binding = await grains.IdempotencyKey(tenantId, key).ClaimOrder(fingerprint!);
        else
        {
            // The channel number binds the order; the key only has to be this request's.
            await grains.IdempotencyKey(tenantId, key).Claim(fingerprint!);
            binding = await external.Bind();
        }
        // When bound before (a replay), by this request or a concurrent one whose create may still be on its way, Intake
        // answers with the order (finishing a create or stock step left half done) and creates or reserves nothing twice.
        var answer = await grains.Order(tenantId, binding.OrderId).Intake(order);
        return new IntakeResult(answer.Order, binding.Fresh, answer.Review);
    }
}
