using System.Globalization;
using CloudOMS.Billing.Plans;
using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Billing;

/// <summary>How the billing pages print money (¥1,999.00), dates (China time) and quotas (null: no limit).</summary>
public static class BillingFormat
{
    public static string Money(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => ChinaTime.Format(at, "yyyy-MM-dd");

    public static string Date(DateTimeOffset? at) => at is { } value ? Date(value) : "";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The limit, or <paramref name="unlimited"/> (不限 / unlimited) when the plan sets none.</summary>
    public static string Limit(int? limit, string unlimited) => limit is { } value ? Count(value) : unlimited;

    public static string PlanName(PlanOptions? plan, string code) => plan?.Name(Ui.Labels.English) ?? code;
}
