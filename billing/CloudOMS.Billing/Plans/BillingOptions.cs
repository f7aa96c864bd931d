using System.ComponentModel.DataAnnotations;

namespace CloudOMS.Billing.Plans;

/// <summary>Settings under "Billing": the plan catalogue, trial and grace, and the payment provider.</summary>
public sealed class BillingOptions : IValidatableObject
{
    public const string Section = "Billing";

    /// <summary>The plans, cheapest first; their order is what "upgrade" and "downgrade" mean.</summary>
    public List<PlanOptions> Plans { get; set; } = [];

    /// <summary>The plan a tenant has when not paying (after its trial, or after cancelling).</summary>
    [Required] public string FreePlan { get; set; } = "free";

    /// <summary>The plan a new tenant tries.</summary>
    [Required] public string TrialPlan { get; set; } = "pro";

    [Range(1, 90)] public int TrialDays { get; set; } = 14;

    /// <summary>Days an unpaid tenant keeps working (past due) before it becomes read-only.</summary>
    [Range(0, 60)] public int GraceDays { get; set; } = 7;

    /// <summary>"BankTransfer" (对公转账, the default: works with no network) or "Stripe".</summary>
    [Required] public string Provider { get; set; } = BankTransferOptions.Name;

    public BankTransferOptions BankTransfer { get; set; } = new();

    public StripeOptions Stripe { get; set; } = new();

    public PlanOptions? Find(string? code) => Plans.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));

    public PlanOptions Plan(string code) => Find(code) ?? throw new InvalidOperationException($"Plan '{code}' is not in Billing:Plans.");

    /// <summary>The plan's place in the catalogue: a higher rank is an upgrade.</summary>
    public int Rank(string code) => Plans.FindIndex(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Plans.Count == 0) yield return new ValidationResult("Billing:Plans lists no plan.", [nameof(Plans)]);
        if (Plans.Select(p => p.Code.ToLowerInvariant()).Distinct().Count() != Plans.Count)
            yield return new ValidationResult("Billing:Plans has two plans with one code.", [nameof(Plans)]);
        foreach (var plan in Plans)
            foreach (var error in plan.Errors()) yield return new ValidationResult($"Billing:Plans '{plan.Code}': {error}", [nameof(Plans)]);
        if (Find(FreePlan) is null) yield return new ValidationResult($"Billing:FreePlan '{FreePlan}' is not a plan.", [nameof(FreePlan)]);
        if (Find(TrialPlan) is null) yield return new ValidationResult($"Billing:TrialPlan '{TrialPlan}' is not a plan.", [nameof(TrialPlan)]);
        if (Provider is not (BankTransferOptions.Name or StripeOptions.Name))
            yield return new ValidationResult($"Billing:Provider must be {BankTransferOptions.Name} or {StripeOptions.Name}.", [nameof(Provider)]);
        if (Provider == StripeOptions.Name && (string.IsNullOrWhiteSpace(Stripe.SecretKey) || string.IsNullOrWhiteSpace(Stripe.WebhookSecret)))
            yield return new ValidationResult("Billing:Stripe:SecretKey and WebhookSecret are required when the provider is Stripe.", [nameof(Stripe)]);
    }
}

/// <summary>The platform's own account that tenants pay bank transfers into (printed on every invoice).</summary>
public sealed class BankTransferOptions
{
    public const string Name = "BankTransfer";

    public string AccountName { get; set; } = "临沂云序信息科技有限公司";
    public string BankName { get; set; } = "中国工商银行临沂分行";
    public string AccountNumber { get; set; } = "1610 0000 0000 0000 000";
    public string TaxId { get; set; } = "91371300MA00000000";
}

/// <summary>Stripe keys (from configuration or the environment; never logged) and the Stripe price of each plan.</summary>
public sealed class StripeOptions
{
    public const string Name = "Stripe";

    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API address; only a test points it elsewhere.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Payment methods offered at Checkout.</summary>
    public List<string> PaymentMethods { get; set; } = ["card", "alipay", "wechat_pay"];

    /// <summary>
    /// Stripe price ids by plan, then cycle: the setting Billing:Stripe:Prices:pro:Monthly = "price_..." (JSON
    /// "Prices": { "pro": { "Monthly": "price_..." } }). A flat "pro:Monthly" key cannot bind: ':' separates sections.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Prices { get; set; } = [];

    /// <summary>The price configured for the plan and cycle, or null.</summary>
    public string? PriceOf(string plan, BillingCycle cycle) =>
        Prices.FirstOrDefault(p => string.Equals(p.Key, plan, StringComparison.OrdinalIgnoreCase)).Value?
            .FirstOrDefault(c => string.Equals(c.Key, cycle.ToString(), StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } price ? price : null;

    /// <summary>The plan and cycle a Stripe price id stands for, or null for a price not configured.</summary>
    public (string Plan, BillingCycle Cycle)? PlanOf(string? priceId)
    {
        foreach (var (plan, cycles) in Prices)
            foreach (var (cycle, price) in cycles)
                if (price == priceId && Enum.TryParse<BillingCycle>(cycle, ignoreCase: true, out var parsed)) return (plan, parsed);
        return null;
    }
}
