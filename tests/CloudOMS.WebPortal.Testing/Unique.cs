namespace CloudOMS.WebPortal.Testing;

/// <summary>Codes and phone numbers no other test (nor the demo data) uses, so tests share a tenant safely.</summary>
public static class Unique
{
    /// <summary>Prefix, dash and a GUID, cut to the 40 characters a code may have.</summary>
    public static string Code(string prefix)
    {
        var code = $"{prefix}-{Guid.NewGuid():N}";
        return code.Length <= 40 ? code : code[..40];
    }

    /// <summary>15 digits starting with 9: the demo customers' numbers are 11 digits starting with 1.</summary>
    public static string Phone() => "9" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>13 digits starting with 8 (the demo's barcodes start with 69), so no other SKU carries it.</summary>
    public static string Barcode() => "8" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string TrackingNo() => "SF" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
