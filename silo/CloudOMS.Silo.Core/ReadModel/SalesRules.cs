using CloudOMS.Grains;

namespace CloudOMS.Silo.ReadModel;

/// <summary>What the dashboard counts as a sale and as on time; shared by the totals the projection keeps and the queries that read them.</summary>
public static class SalesRules
{
    /// <summary>Orders in these statuses are not sales (they still count in the orders-by-status figures).</summary>
    public static readonly string[] NotSales = [nameof(OrderStatus.Cancelled), nameof(OrderStatus.Draft), nameof(OrderStatus.Rejected)];

    /// <summary>An order shipped within this many minutes of its creation shipped on time.</summary>
    public const int OnTimeMinutes = 24 * 60;

    /// <summary>The warehouse of the totals of orders not yet allocated to one.</summary>
    public const string NoWarehouse = "";

    /// <summary>The customer totals' scope that holds every order of the tenant, whatever its warehouse.</summary>
    public const string WholeTenant = "";

    public static bool IsSale(string status) => !NotSales.Contains(status);

    /// <summary>An amount in hundredths: money has at most 2 decimals (FieldErrors.Money), so this is exact.</summary>
    public static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, MidpointRounding.AwayFromZero);
}
