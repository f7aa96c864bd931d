using CloudOMS.Grains;

namespace CloudOMS.Silo.ReadModel;

/// <summary>What the dashboard counts as a sale and as on time; shared by the totals the projection keeps and the queries that read them.</summary>
public static class SalesRules
{
    /// <summary>
    /// Orders in these statuses are sales: approved (stock reserved) or later. An order waiting for review, or refused
    /// for short stock (it stays 待审核), is not; nor is a draft, a rejected or a cancelled order. All still count in
    /// the orders-by-status figures.
    /// </summary>
    public static readonly string[] Sales =
    [
        nameof(OrderStatus.Approved), nameof(OrderStatus.Picking), nameof(OrderStatus.Shipped), nameof(OrderStatus.Delivered),
        nameof(OrderStatus.Completed), nameof(OrderStatus.AfterSale),
    ];

    /// <summary>
    /// A held order keeps what it held: held after approval it still has its stock reserved and its warehouse (given
    /// at approval and only then), held before approval it has neither. So a held order with a warehouse is a sale.
    /// </summary>
    public const string Held = nameof(OrderStatus.OnHold);

    /// <summary>Orders waiting for review (including those refused for short stock), shown apart from sales.</summary>
    public const string Pending = nameof(OrderStatus.PendingReview);

    /// <summary>An order shipped within this many minutes of its creation shipped on time.</summary>
    public const int OnTimeMinutes = 24 * 60;

    /// <summary>The warehouse of the totals of orders not yet allocated to one.</summary>
    public const string NoWarehouse = "";

    /// <summary>The customer totals' scope that holds every order of the tenant, whatever its warehouse.</summary>
    public const string WholeTenant = "";

    /// <summary>Whether an order in <paramref name="status"/>, allocated to <paramref name="warehouse"/> (null or <see cref="NoWarehouse"/>: none), is a sale.</summary>
    public static bool IsSale(string status, string? warehouse) => IsSale(status, allocated: !string.IsNullOrEmpty(warehouse));

    /// <summary>Whether an order in <paramref name="status"/> is a sale, given whether it has a warehouse (was approved).</summary>
    public static bool IsSale(string status, bool allocated) => Sales.Contains(status) || (status == Held && allocated);

    /// <summary>An amount in hundredths: money has at most 2 decimals (FieldErrors.Money), so this is exact.</summary>
    public static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, MidpointRounding.AwayFromZero);
}
