using System.Globalization;
using CloudOMS.Grains;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>What goes into path and query parameters: which ids a parameter names, and values that are not ids at all.</summary>
public static class PathValues
{
    /// <summary>Already URL-encoded: NUL, BEL, U+202E, U+FEFF, a lone surrogate (as the invalid UTF-8 a client would send), dots, slashes.</summary>
    private static readonly string[] Raw =
    [
        "%20", "0", "-1", "null", "%00", "%07", "%E2%80%AE", "%EF%BB%BF", "%ED%A0%80", "%C0%AE", "..", "%2E%2E", "a%2Fb", "%F0%9F%92%A5",
        "%27%20OR%201%3D1--", "2147483648", "SO" + new string('9', 30), "%25", "a%3Fb%3Dc", "%5Cx",
    ];

    /// <summary>Where a return URL might send a browser: elsewhere, or to a local path with a character no header may hold.</summary>
    private static readonly string[] Redirects =
    [
        "%2F%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example%2F", "%2F%0D%0AX-Fuzz%3A%201", "%2F%07", "%2F%00", "%2Fapp%09x",
        "%2F%E2%80%AE", "%2F%ED%A0%80", "javascript%3Aalert(1)", "%2F" + new string('a', 4000),
    ];

    /// <summary>The kind of id a path parameter names, or null when the fuzzer knows none (it then gets garbage, and says so).</summary>
    public static string? KindOf(FuzzRoute route, string parameter) => parameter switch
    {
        "orderId" => "order",
        "skuCode" => "sku",
        "roleId" => "role",
        "userId" => "user",
        "clientId" => "client",
        "invoiceId" => "invoice",
        "invitationId" => "invitation",
        "code" when route.Pattern.StartsWith("/api/skus/", StringComparison.Ordinal) => "sku",
        "code" when route.Pattern.StartsWith("/api/warehouses/", StringComparison.Ordinal) => "warehouse",
        _ => null,
    };

    /// <summary>A value that is not an id: a raw encoding, a code at or past <see cref="Limits.Code"/> or far beyond, a control character, the other company's marker-free text.</summary>
    public static (string Value, string Label) Garbage(Random random, FuzzCompany company)
    {
        switch (random.Next(4))
        {
            case 0:
                var length = random.Next(3) switch { 0 => Limits.Code, 1 => Limits.Code + 1, _ => 4000 };
                return (EdgeValues.Text("code", length, company), $"{length} chars");
            case 1:
                var control = EdgeValues.Controls[random.Next(EdgeValues.Controls.Length)];
                return (char.IsSurrogate(control[0]) ? "x%ED%A0%80" : Uri.EscapeDataString("x" + control), $"control {EdgeValues.Name(control)}");
            default:
                var raw = Raw[random.Next(Raw.Length)];
                return (raw, raw);
        }
    }

    public static (string Value, string Label) Redirect(Random random)
    {
        var value = Redirects[random.Next(Redirects.Length)];
        return (value, Shot.Printable(Uri.UnescapeDataString(value.Replace("%ED%A0%80", "%EF%BF%BD", StringComparison.Ordinal)), 30));
    }

    /// <summary>Numbers at the edges of int, and things that are not numbers.</summary>
    public static (string Value, string Label) Number(Random random)
    {
        string[] numbers = ["0", "-1", N(int.MaxValue), N(int.MaxValue + 1L), N(int.MinValue), "1e10", "1.5", "abc", "", "%00", N(Limits.MaxQuantity + 1)];
        var value = numbers[random.Next(numbers.Length)];
        return (value, value.Length == 0 ? "empty" : value);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
