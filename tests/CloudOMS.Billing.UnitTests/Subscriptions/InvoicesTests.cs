using System.Text.RegularExpressions;
using CloudOMS.Billing.Providers;
using CloudOMS.Billing.Subscriptions;

namespace CloudOMS.Billing.UnitTests.Subscriptions;

/// <summary>An invoice as issued: open, numbered by its day in China, with a reference a payer can type.</summary>
public sealed partial class InvoicesTests
{
    // 23:30 in China on the last day of November.
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 30, 15, 30, 0, TimeSpan.Zero);

    private static Invoice Issue(DateTimeOffset now) => Invoices.Issue("t1", InvoiceKind.Renewal, Catalogue.Plan("pro"), BillingCycle.Yearly, 5990m,
        now, now.AddYears(1), new BillTo("临沂通达商贸有限公司", "91371302MA3CL8K2XE", "兰山区通达路 168 号"), BankTransferOptions.Name, now, now.AddDays(7));

    [Fact]
    public void An_issued_invoice_is_open_in_CNY_and_carries_the_plan_period_amount_and_the_company_as_billed()
    {
        var invoice = Issue(LateEvening);

        Assert.Equal(("t1", InvoiceKind.Renewal, InvoiceStatus.Open), (invoice.TenantId, invoice.Kind, invoice.Status));
        Assert.Equal(("pro", BillingCycle.Yearly, 5990m, "CNY"), (invoice.Plan, invoice.Cycle, invoice.Amount, invoice.Currency));
        Assert.Equal((LateEvening, LateEvening.AddYears(1), LateEvening.AddDays(7)), (invoice.PeriodStart, invoice.PeriodEnd, invoice.DueAt));
        Assert.Equal(("临沂通达商贸有限公司", "91371302MA3CL8K2XE", "兰山区通达路 168 号"), (invoice.CompanyName, invoice.TaxId, invoice.Address));
        Assert.Null(invoice.PaidAt);
    }

    [Fact]
    public void The_number_carries_the_day_in_China_and_the_id_is_its_code_in_lower_case()
    {
        var invoice = Issue(LateEvening);

        Assert.Matches(NumberPattern(), invoice.Number);
        Assert.StartsWith("CO20261130-", invoice.Number, StringComparison.Ordinal);
        Assert.StartsWith("CO20261201-", Issue(LateEvening.AddHours(1)).Number, StringComparison.Ordinal);
        Assert.Equal(10, invoice.Id.Length);
        Assert.Equal(invoice.Id[..6].ToUpperInvariant(), invoice.Number[^6..]);
    }

    [Fact]
    public void References_use_no_letter_or_digit_a_payer_could_misread_and_differ_between_invoices()
    {
        var references = Enumerable.Range(0, 200).Select(_ => Issue(LateEvening).Reference).ToList();

        Assert.All(references, r => Assert.Matches(ReferencePattern(), r));
        Assert.Equal(references.Count, references.Distinct().Count());
    }

    [GeneratedRegex("^CO[0-9]{8}-[2-9A-HJKMNP-Z]{6}$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^COMS-[2-9A-HJKMNP-Z]{8}$")]
    private static partial Regex ReferencePattern();
}
