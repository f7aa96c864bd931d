using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Orders;

/// <summary>
/// An order-wide discount (a shop coupon) spread over the lines by their amounts, to the cent, never more than a
/// line's amount: the order keeps discounts per line, so returns and the pick list see what each line cost.
/// </summary>
public static class OrderDiscount
{
    public static IReadOnlyList<NewOrderLine> Spread(IReadOnlyList<NewOrderLine> lines, decimal discount)
    {
        if (discount <= 0) return lines;
        try
        {
            return Share(lines, discount);
        }
        catch (OverflowException)
        {
            // Prices beyond any order's bounds: the lines go to validation as they came, which names the price.
            return lines;
        }
    }

    private static IReadOnlyList<NewOrderLine> Share(IReadOnlyList<NewOrderLine> lines, decimal discount)
    {
        var amounts = lines.Select(l => Math.Max(0, l.Quantity * l.UnitPrice - l.Discount)).ToArray();
        var goods = amounts.Sum();
        if (goods <= 0) return lines;
        var shares = amounts.Select(a => Math.Min(a, Math.Floor(discount * a / goods * 100) / 100)).ToArray();
        var left = Math.Min(discount, goods) - shares.Sum();
        // The cents rounding left over go to the lines with room, first to last.
        for (var i = 0; i < shares.Length && left > 0; i++)
        {
            var more = Math.Min(left, amounts[i] - shares[i]);
            shares[i] += more;
            left -= more;
        }
        return [.. lines.Select((l, i) => l with { Discount = l.Discount + shares[i] })];
    }
}
