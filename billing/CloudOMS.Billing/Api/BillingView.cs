using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;

namespace CloudOMS.Billing.Api;

public sealed record PlanView(string Code, string NameZh, string NameEn, decimal MonthlyPrice, decimal YearlyPrice, PlanQuotas Quotas)
{
    public static PlanView From(PlanOptions p) => new(p.Code, p.NameZh, p.NameEn, p.MonthlyPrice, p.YearlyPrice, p.Quotas);
}

public sealed record InvoiceView(string Id, string Number, string Reference, string Kind, string Status, string Plan, string Cycle,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, decimal Amount, string Currency, string Method, DateTimeOffset IssuedAt,
    DateTimeOffset DueAt, DateTimeOffset? PaidAt, string CompanyName, string? TaxId, string? Address)
{
    public static InvoiceView From(Invoice i) => new(i.Id, i.Number, i.Reference, i.Kind.ToString(), i.Status.ToString(), i.Plan, i.Cycle.ToString(),
        i.PeriodStart, i.PeriodEnd, i.Amount, i.Currency, i.Method, i.IssuedAt, i.DueAt, i.PaidAt, i.CompanyName, i.TaxId, i.Address);
}

/// <summary>A tenant's billing as the API answers it: plan, status and dates, quotas beside usage, invoices to pay.</summary>
public sealed record BillingView(PlanView Plan, string Cycle, string Status, string Access, DateTimeOffset? TrialEndsAt, DateTimeOffset? PeriodEnd,
    string? PendingPlan, bool CancelAtPeriodEnd, DateTimeOffset? ReadOnlyFrom, bool Suspended, string Provider, TenantUsage Usage,
    IReadOnlyList<InvoiceView> OpenInvoices, IReadOnlyList<string> Providers)
{
    public static BillingView From(BillingOverview o) => new(PlanView.From(o.Plan), o.Subscription.Cycle.ToString(), o.Subscription.Status.ToString(),
        o.Subscription.Access.ToString(), o.Subscription.TrialEndsAt, o.Subscription.PeriodEnd, o.Subscription.PendingPlan, o.Subscription.CancelAtPeriodEnd,
        o.ReadOnlyFrom, o.Subscription.Suspended, o.Subscription.Provider, o.Usage, [.. o.OpenInvoices.Select(InvoiceView.From)], o.Providers);
}

public sealed record ChangeView(string Result, InvoiceView? Invoice, string? RedirectUrl, DateTimeOffset? EffectiveAt);

public sealed record PlanChangeInput(string? Plan, string? Cycle, string? Provider);
