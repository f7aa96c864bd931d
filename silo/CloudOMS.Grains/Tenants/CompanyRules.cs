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
        errors.Required("name", details.Name, Limits.Name, "公司名称");
        if (!string.IsNullOrWhiteSpace(details.TaxId) && !IsCreditCode(details.TaxId.Trim().ToUpperInvariant()))
            errors.Add("taxId", "统一社会信用代码应为 18 位数字或大写字母，且校验位正确 / the unified social credit code must be 18 digits or capital letters with a valid check character");
        errors.Required("contactName", details.ContactName, Limits.ShortText, "联系人");
        if (!string.IsNullOrWhiteSpace(details.Phone) && (details.Phone.Trim().Length > 20 || !details.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
            errors.Add("phone", "电话只能包含数字、-、+，不超过 20 位 / phone may hold digits, '-' and '+' only, at most 20");
        errors.MaxLength("address", details.Address?.Trim(), Limits.Address, "地址");
        errors.MaxLength("bankName", details.BankName?.Trim(), Limits.Name, "开户银行");
        if (!string.IsNullOrWhiteSpace(details.BankAccount) && (details.BankAccount.Trim().Length > BankAccountLength || !details.BankAccount.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '-')))
            errors.Add("bankAccount", "银行账号只能包含数字，不超过 40 位 / the bank account may hold digits only, at most 40");
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
