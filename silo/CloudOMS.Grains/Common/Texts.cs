namespace CloudOMS.Grains;

/// <summary>
/// Shared input limits so the API, the grains and the read model agree. The numeric ones are chosen so every sum
/// CloudOMS stores or shows fits its type (docs/architecture.md, "Numeric bounds"): an order's total is at most
/// <see cref="MaxOrderTotal"/>, so one company's sales of one China day, kept in fen as a 64-bit integer, overflow
/// only past 922 million orders of that day at the maximum total each; a SKU holds at most <see cref="MaxStock"/>
/// units over all its warehouses, so stock figures fit a 32-bit integer per SKU; unit sums over SKUs, days and
/// companies are 64-bit.
/// </summary>
public static class Limits
{
    public const int Code = 40;
    public const int Name = 100;
    public const int ShortText = 50;
    public const int Address = 200;
    public const int Note = 500;
    public const int MaxQuantity = 1_000_000;
    public const int MaxLines = 200;
    public const decimal MaxMoney = 100_000_000m;

    /// <summary>The most an order may total (goods after discounts, plus shipping), in yuan.</summary>
    public const decimal MaxOrderTotal = 100_000_000m;

    /// <summary>The most units a SKU may hold on hand over all its warehouses.</summary>
    public const int MaxStock = 1_000_000_000;

    public static bool IsCode(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= Code &&
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
