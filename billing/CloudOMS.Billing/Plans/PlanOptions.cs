using CloudOMS.Grains;

namespace CloudOMS.Billing.Plans;

/// <summary>One plan of the catalogue: names, prices in CNY and quotas (empty means no limit).</summary>
public sealed class PlanOptions
{
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public decimal MonthlyPrice { get; set; }
    public decimal YearlyPrice { get; set; }
    public int? OrdersPerMonth { get; set; }
    public int? Users { get; set; }
    public int? Warehouses { get; set; }
    public int? Skus { get; set; }
    public int? ApiRequestsPerMinute { get; set; }

    public PlanQuotas Quotas => new(OrdersPerMonth, Users, Warehouses, Skus, ApiRequestsPerMinute);

    public bool IsFree => MonthlyPrice == 0 && YearlyPrice == 0;

    public decimal Price(BillingCycle cycle) => cycle == BillingCycle.Yearly ? YearlyPrice : MonthlyPrice;

    /// <summary>What the plan earns a month: the monthly price, or a twelfth of the yearly one.</summary>
    public decimal MonthlyRevenue(BillingCycle cycle) => cycle == BillingCycle.Yearly ? decimal.Round(YearlyPrice / 12, 2) : MonthlyPrice;

    public string Name(bool english) => english ? NameEn : NameZh;

    internal IEnumerable<string> Errors()
    {
        if (string.IsNullOrWhiteSpace(Code)) yield return "code is empty";
        if (string.IsNullOrWhiteSpace(NameZh) || string.IsNullOrWhiteSpace(NameEn)) yield return "names (zh and en) are required";
        if (MonthlyPrice < 0 || YearlyPrice < 0) yield return "prices cannot be negative";
        if (new[] { OrdersPerMonth, Users, Warehouses, Skus, ApiRequestsPerMinute }.Any(q => q is < 1)) yield return "a quota must be at least 1 (leave it out for no limit)";
    }
}

public enum BillingCycle
{
    Monthly,
    Yearly,
}
