namespace CloudOMS.Grains;

/// <summary>The company profile's rules: what an invoice needs, checked the same way by the API, the portal and the grain.</summary>
public static class CompanyRules
{
    public const int BankAccountLength = 40;

    // GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z), the last one a check character.
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static FieldErrors Validate(CompanyDetails details)
    {
        var errors = new FieldErrors();
        errors.Required("name", details.Name, Limits.Name, Msg.Of("Label.CompanyName"));
        if (!string.IsNullOrWhiteSpace(details.TaxId) && !IsCreditCode(details.TaxId.Trim().ToUpperInvariant()))
            errors.Add("taxId", Msg.Of("CompanyRules.UnifiedSocialCreditCodeDigitsCapital"));
        errors.Required("contactName", details.ContactName, Limits.ShortText, Msg.Of("Label.Contact"));
        if (!string.IsNullOrWhiteSpace(details.Phone) && (details.Phone.Trim().Length > 20 || !details.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
            errors.Add("phone", Msg.Of("CompanyRules.PhoneMayHoldDigitsOnlyMost"));
        errors.MaxLength("address", details.Address?.Trim(), Limits.Address, Msg.Of("Label.Address"));
        errors.MaxLength("bankName", details.BankName?.Trim(), Limits.Name, Msg.Of("Label.Bank"));
        if (!string.IsNullOrWhiteSpace(details.BankAccount) && (details.BankAccount.Trim().Length > BankAccountLength || !details.BankAccount.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '-')))
            errors.Add("bankAccount", Msg.Of("CompanyRules.BankAccountMayHoldDigitsOnly"));
        return errors;
    }

    /// <summary>The profile with the (valid) details applied, trimmed, blanks as null.</summary>
    public static TenantProfile Apply(TenantProfile profile, CompanyDetails details) => profile with
    {
        Name = details.Name!.Trim(),
        TaxId = Blank(details.TaxId)?.ToUpperInvariant(),
        ContactName = Blank(details.ContactName),
        Phone = Blank(details.Phone),
        Address = Blank(details.Address),
        BankName = Blank(details.BankName),
        BankAccount = Blank(details.BankAccount),
    };

    public static bool IsCreditCode(string code)
    {
        if (code.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = CreditCodeAlphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0) return false;
            sum += value * CreditCodeWeights[i];
        }
        var check = (31 - sum % 31) % 31;
        return code[17] == CreditCodeAlphabet[check];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
