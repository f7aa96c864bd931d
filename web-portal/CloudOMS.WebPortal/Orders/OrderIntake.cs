using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Orders;

public sealed record IntakeResult(OrderState Order, bool Created);

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

    /// <summary>Creates the order (after <see cref="Validate"/>); idempotent per channel order number.</summary>
    public async Task<IntakeResult> Create(string tenantId, NewOrder order)
    {
        var candidate = await grains.Tenant(tenantId).NextOrderId();
        var orderId = order.ExternalOrderNo is { Length: > 0 } external
            ? await grains.ChannelOrder(tenantId, order.Channel, external).Claim(candidate)
            : candidate;
        var grain = grains.Order(tenantId, orderId);
        if (orderId == candidate) return new IntakeResult(await grain.Create(order), Created: true);
        // Someone else bound this channel order first; their create may still be on its way, and
        // Create is idempotent, so finishing it here is safe.
        return new IntakeResult(await grain.Get() ?? await grain.Create(order), Created: false);
    }
}
