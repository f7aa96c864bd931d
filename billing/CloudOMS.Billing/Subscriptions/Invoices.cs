using System.Globalization;
using System.Security.Cryptography;
using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Providers;
using CloudOMS.Grains;

namespace CloudOMS.Billing.Subscriptions;

/// <summary>Issues invoices: a printable number, and a short reference a payer can type into a bank transfer's remark.</summary>
public static class Invoices
{
    // No 0/O, 1/I/L: a reference is read off paper and typed by hand.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static Invoice Issue(string tenantId, InvoiceKind kind, PlanOptions plan, BillingCycle cycle, decimal amount,
        DateTimeOffset periodStart, DateTimeOffset periodEnd, BillTo billTo, string method, DateTimeOffset now, DateTimeOffset due)
    {
        var code = Code(10);
        return new Invoice
        {
            Id = code.ToLowerInvariant(),
            TenantId = tenantId,
            Number = $"CO{ChinaTime.Format(now, "yyyyMMdd")}-{code[..6]}",
            Reference = $"COMS-{code[6..]}{Code(4)}",
            Kind = kind,
            Status = InvoiceStatus.Open,
            Plan = plan.Code,
            Cycle = cycle,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            Amount = amount,
            Method = method,
            IssuedAt = now,
            DueAt = due,
            CompanyName = billTo.Name,
            TaxId = billTo.TaxId,
            Address = billTo.Address,
        };
    }

    private static string Code(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });
}
