namespace CloudOMS.Grains;

/// <summary>Shape rules of a new order; <see cref="CheckSkus"/> checks its SKUs once they are loaded.</summary>
public static class OrderValidator
{
    public static FieldErrors Validate(NewOrder order)
    {
        var errors = new FieldErrors();
        if (!Channels.IsKnown(order.Channel))
            errors.Add("channel", Msg.Of("OrderValidator.UnknownChannel", string.Join("、", Channels.All.Select(c => c.Code))));
        errors.MaxLength("externalOrderNo", order.ExternalOrderNo, Limits.ShortText, Msg.Of("Label.PlatformOrderNo"));
        if (order.ExternalOrderNo is { } external && external.Any(char.IsWhiteSpace))
            errors.Add("externalOrderNo", Msg.Of("OrderValidator.ExternalOrderNoNotContainSpaces"));
        var customer = order.Customer;
        errors.Required("customer.name", customer.Name, Limits.ShortText, Msg.Of("Label.Receiver"));
        errors.Required("customer.phone", customer.Phone, 20, Msg.Of("Label.Phone"));
        if (!string.IsNullOrWhiteSpace(customer.Phone) && !customer.Phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
            errors.Add("customer.phone", Msg.Of("OrderValidator.PhoneMayHoldDigitsOnly"));
        errors.Required("customer.province", customer.Province, 20, Msg.Of("Label.Province"));
        errors.Required("customer.city", customer.City, 20, Msg.Of("Label.City"));
        errors.Required("customer.address", customer.Address, Limits.Address, Msg.Of("Label.Address"));
        errors.Money("shippingFee", order.ShippingFee, Msg.Of("Label.ShippingFee"));
        errors.MaxLength("note", order.Note, Limits.Note, Msg.Of("Label.Note"));
        if (order.Lines is null || order.Lines.Count == 0)
            errors.Add("lines", Msg.Of("OrderValidator.OrderNeedsLeastOneLine"));
        else if (order.Lines.Count > Limits.MaxLines)
            errors.Add("lines", Msg.Of("OrderValidator.MostLines", Limits.MaxLines));
        else
            for (var i = 0; i < order.Lines.Count; i++)
            {
                var line = order.Lines[i];
                errors.Code($"lines[{i}].skuCode", line.SkuCode, Msg.Of("Label.SKUCode"));
                errors.Quantity($"lines[{i}].quantity", line.Quantity);
                errors.Money($"lines[{i}].unitPrice", line.UnitPrice, Msg.Of("Label.UnitPrice"));
                errors.Money($"lines[{i}].discount", line.Discount, Msg.Of("Label.Discount"));
                var priced = line.Quantity is > 0 and <= Limits.MaxQuantity && line.UnitPrice is >= 0 and <= Limits.MaxMoney;
                if (priced && line.Discount > line.Quantity * line.UnitPrice)
                    errors.Add($"lines[{i}].discount", Msg.Of("OrderValidator.DiscountExceedsLineAmount"));
            }
        if (!errors.Any && Total(order) > Limits.MaxOrderTotal)
            errors.Add("lines", Msg.Of("OrderValidator.OrderTotalGoodsAfterDiscountsPlus", Limits.MaxOrderTotal));
        return errors;
    }

    /// <summary>What the order will total; call only on lines within the limits (each line's amount then fits).</summary>
    public static decimal Total(NewOrder order) => order.Lines.Sum(l => l.Quantity * l.UnitPrice - l.Discount) + order.ShippingFee;

    /// <summary>A line may name only a SKU the tenant has and has not deactivated (an inactive SKU takes no new orders).</summary>
    public static void CheckSkus(FieldErrors errors, IReadOnlyList<NewOrderLine> lines, IReadOnlyDictionary<string, SkuSnapshot> found)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var code = lines[i].SkuCode;
            if (!found.TryGetValue(code, out var sku)) errors.Add($"lines[{i}].skuCode", Msg.Of("OrderValidator.UnknownSKU", code));
            else if (!sku.Active) errors.Add($"lines[{i}].skuCode", Msg.Of("OrderValidator.SKUInactiveTakesNoNewOrders", code));
        }
    }
}
