namespace CloudOMS.Grains;

/// <summary>Shape rules of a new order; <see cref="CheckSkus"/> checks its SKUs once they are loaded.</summary>
public static class OrderValidator
{
    public static FieldErrors Validate(NewOrder order)
    {
        var errors = new FieldErrors();
        if (!Channels.IsKnown(order.Channel))
            errors.Add("channel", $"未知渠道，可选：{string.Join("、", Channels.All.Select(c => c.Code))} / unknown channel");
        errors.MaxLength("externalOrderNo", order.ExternalOrderNo, Limits.ShortText, "平台单号");
        if (order.ExternalOrderNo is { } external && external.Any(char.IsWhiteSpace))
            errors.Add("externalOrderNo", "平台单号不能包含空格 / externalOrderNo must not contain spaces");
        var customer = order.Customer;
        errors.Required("customer.name", customer.Name, Limits.ShortText, "收货人");
        errors.Required("customer.phone", customer.Phone, 20, "联系电话");
        if (!string.IsNullOrWhiteSpace(customer.Phone) && !customer.Phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
            errors.Add("customer.phone", "联系电话只能包含数字、-、+ / phone may hold digits, '-' and '+' only");
        errors.Required("customer.province", customer.Province, 20, "省份");
        errors.Required("customer.city", customer.City, 20, "城市");
        errors.Required("customer.address", customer.Address, Limits.Address, "详细地址");
        errors.Money("shippingFee", order.ShippingFee, "运费");
        errors.MaxLength("note", order.Note, Limits.Note, "备注");
        if (order.Lines is null || order.Lines.Count == 0)
            errors.Add("lines", "订单至少需要一行商品 / an order needs at least one line");
        else if (order.Lines.Count > Limits.MaxLines)
            errors.Add("lines", $"订单最多 {Limits.MaxLines} 行 / at most {Limits.MaxLines} lines");
        else
            for (var i = 0; i < order.Lines.Count; i++)
            {
                var line = order.Lines[i];
                errors.Code($"lines[{i}].skuCode", line.SkuCode, "SKU 编码");
                errors.Quantity($"lines[{i}].quantity", line.Quantity);
                errors.Money($"lines[{i}].unitPrice", line.UnitPrice, "单价");
                errors.Money($"lines[{i}].discount", line.Discount, "优惠");
                var priced = line.Quantity is > 0 and <= Limits.MaxQuantity && line.UnitPrice is >= 0 and <= Limits.MaxMoney;
                if (priced && line.Discount > line.Quantity * line.UnitPrice)
                    errors.Add($"lines[{i}].discount", "优惠不能超过商品金额 / discount exceeds the line amount");
            }
        if (!errors.Any && Total(order) > Limits.MaxOrderTotal)
            errors.Add("lines", $"订单金额（商品减优惠加运费）不能超过 {Limits.MaxOrderTotal:0} 元，请拆分订单 / the order total (goods after discounts plus shipping) must be at most {Limits.MaxOrderTotal:0}; split the order");
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
            if (!found.TryGetValue(code, out var sku)) errors.Add($"lines[{i}].skuCode", $"SKU {code} 不存在 / unknown SKU");
            else if (!sku.Active) errors.Add($"lines[{i}].skuCode", $"SKU {code} 已停用，不能下单 / SKU {code} is inactive and takes no new orders");
        }
    }
}
