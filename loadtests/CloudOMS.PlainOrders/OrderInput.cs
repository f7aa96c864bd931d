namespace CloudOMS.PlainOrders;

/// <summary>An order as a channel sends it: its own id (the idempotency key), the buyer and the lines.</summary>
public sealed record OrderInput(string? ClientOrderId, CustomerInput? Customer, IReadOnlyList<LineInput>? Lines)
{
    public const int MaxQuantity = 1_000_000;

    /// <summary>Field errors, empty when the order can be stored as sent.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (ClientOrderId is not { Length: > 0 and <= 64 }) errors["clientOrderId"] = ["required, at most 64 characters"];
        if (Customer?.Name is not { Length: > 0 and <= 100 }) errors["customer.name"] = ["required, at most 100 characters"];
        if (Customer?.Phone is { Length: > 32 }) errors["customer.phone"] = ["at most 32 characters"];
        if (Customer?.Address is { Length: > 200 }) errors["customer.address"] = ["at most 200 characters"];
        if (Lines is not { Count: > 0 and <= 100 })
        {
            errors["lines"] = ["1 to 100 lines"];
            return errors;
        }
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line.Sku is not { Length: > 0 and <= 64 }) errors[$"lines[{i}].sku"] = ["required, at most 64 characters"];
            if (line.Quantity is <= 0 or > MaxQuantity) errors[$"lines[{i}].quantity"] = [$"1 to {MaxQuantity}"];
            if (line.UnitPrice is < 0 or > 100_000_000) errors[$"lines[{i}].unitPrice"] = ["0 to 100,000,000"];
        }
        if (Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).Count() != Lines.Count) errors["lines"] = ["each SKU once"];
        return errors;
    }

    /// <summary>The lines in SKU order: every transaction locks stock rows in this one order, so none waits on another in a cycle.</summary>
    public IReadOnlyList<LineInput> Sorted() => [.. Lines!.OrderBy(l => l.Sku, StringComparer.Ordinal)];
}

public sealed record CustomerInput(string? Name, string? Phone, string? Address);

public sealed record LineInput(string? Sku, int Quantity, decimal UnitPrice);

/// <summary>What became of an order: reserved, or short of stock (nothing held) naming the short SKUs.</summary>
public sealed record OrderAnswer(string ClientOrderId, string Status, IReadOnlyList<string> ShortSkus);

/// <summary>A stored order with its lines (for the tool's checks after a run).</summary>
public sealed record StoredOrder(string ClientOrderId, string Status, IReadOnlyList<string> ShortSkus, IReadOnlyList<StoredLine> Lines);

public sealed record StoredLine(string Sku, int Quantity);

/// <summary>Stock of one SKU; available = on hand − reserved.</summary>
public sealed record StockLevel(string Sku, int OnHand, int Reserved);

/// <summary>Units received into stock.</summary>
public sealed record Receipt(string Sku, int Quantity);
