using CloudOMS.Billing.Subscriptions;

namespace CloudOMS.Billing.UnitTests;

/// <summary>The plan catalogue as appsettings.json ships it, and subscriptions in the states the rules start from.</summary>
public static class Catalogue
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    public static BillingOptions Options() => new()
    {
        Plans =
        [
            new() { Code = "free", NameZh = "免费版", NameEn = "Free", OrdersPerMonth = 100, Users = 2, Warehouses = 1, Skus = 100, ApiRequestsPerMinute = 60 },
            new() { Code = "starter", NameZh = "基础版", NameEn = "Starter", MonthlyPrice = 199, YearlyPrice = 1990, OrdersPerMonth = 2000, Users = 5, Warehouses = 2, Skus = 1000, ApiRequestsPerMinute = 600 },
            new() { Code = "pro", NameZh = "专业版", NameEn = "Pro", MonthlyPrice = 599, YearlyPrice = 5990, OrdersPerMonth = 20000, Users = 20, Warehouses = 10, Skus = 10000, ApiRequestsPerMinute = 3000 },
            new() { Code = "enterprise", NameZh = "企业版", NameEn = "Enterprise", MonthlyPrice = 1999, YearlyPrice = 19990, Users = 200, Warehouses = 100 },
        ],
    };

    public static SubscriptionRules Rules() => new(Options());

    public static PlanOptions Plan(string code) => Options().Plan(code);

    /// <summary>A tenant on its trial, started at <see cref="Now"/>.</summary>
    public static Subscription Trial() => Rules().StartTrial("t1", Now);

    /// <summary>A tenant paying <paramref name="plan"/> for the period from <see cref="Now"/> to <paramref name="end"/> (a month by default).</summary>
    public static Subscription Paying(string plan = "starter", BillingCycle cycle = BillingCycle.Monthly, DateTimeOffset? end = null) => new()
    {
        TenantId = "t1",
        Plan = plan,
        Cycle = cycle,
        Status = SubscriptionStatus.Active,
        PeriodStart = Now,
        PeriodEnd = end ?? SubscriptionRules.Next(Now, cycle),
        Provider = BankTransferOptions.Name,
        CreatedAt = Now.AddDays(-30),
        Version = 5,
    };

    /// <summary>A paying tenant whose renewal went unpaid at <paramref name="since"/>.</summary>
    public static Subscription PastDue(DateTimeOffset since)
    {
        var s = Paying();
        s.Status = SubscriptionStatus.PastDue;
        s.PastDueSince = since;
        return s;
    }

    public static Invoice InvoiceFor(InvoiceKind kind, string plan, BillingCycle cycle = BillingCycle.Monthly, DateTimeOffset? start = null, DateTimeOffset? end = null) => new()
    {
        Id = "inv1",
        TenantId = "t1",
        Kind = kind,
        Plan = plan,
        Cycle = cycle,
        PeriodStart = start ?? Now,
        PeriodEnd = end ?? SubscriptionRules.Next(start ?? Now, cycle),
        Amount = Plan(plan).Price(cycle),
    };
}
