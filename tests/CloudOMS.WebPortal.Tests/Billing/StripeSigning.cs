using System.Security.Cryptography;
using System.Text;

namespace CloudOMS.WebPortal.Tests.Billing;

/// <summary>Signs webhook bodies the way Stripe does: t=unix time, v1=HMAC-SHA256 (hex) of "{t}.{body}" with the endpoint secret.</summary>
public static class StripeSigning
{
    public static string Header(string payload, string secret, DateTimeOffset? at = null)
    {
        var t = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
