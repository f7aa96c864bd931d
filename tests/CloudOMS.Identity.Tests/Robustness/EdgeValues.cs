using System.Globalization;
using CloudOMS.Grains;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// The values at the edges the generator aims at: every limit of <see cref="Limits"/> (read from it, so a lowered
/// limit moves the edges with it) and one past it, the ends of int and decimal, and characters a client can send
/// that no text should keep.
/// </summary>
public static class EdgeValues
{
    /// <summary>NUL, BEL, right-to-left override, byte order mark, lone surrogates, and a few more a client can send.</summary>
    public static readonly string[] Controls = ["\u0000", "\u0007", "\u202E", "\uFEFF", "\uD800", "\uDFFF", "\u001B", "\r\n", "\u2028", "e\u0301"];

    public const int Megabyte = 1 << 20;

    /// <summary>Every text limit: strings are generated at and one past each.</summary>
    public static readonly int[] TextLimits = [Limits.Code, Limits.ShortText, Limits.ShortText * 2, Limits.Name, Limits.Address, Limits.Note];

    /// <summary>Counts at and one past ±<see cref="Limits.MaxQuantity"/>, the ends of int, and numbers no int holds.</summary>
    public static readonly string[] Integers =
    [
        N(Limits.MaxQuantity), N(Limits.MaxQuantity + 1), N(-Limits.MaxQuantity), N(-Limits.MaxQuantity - 1), "0", "-1",
        N(int.MaxValue), N(int.MinValue), N(int.MaxValue + 1L), "1e20", "1.5", "1e400", "-0",
    ];

    /// <summary>Amounts at and one cent past ±<see cref="Limits.MaxMoney"/>, a limit price times a limit quantity, too many decimals, the end of decimal and beyond.</summary>
    public static readonly string[] Money =
    [
        N(Limits.MaxMoney), N(Limits.MaxMoney + 0.01m), N(-Limits.MaxMoney), N(Limits.MaxMoney * Limits.MaxQuantity), "0.001", "-0.01", "0",
        N(decimal.MaxValue), "79228162514264337593543950336", "1e400", "1e-400", "NaN",
    ];

    private static readonly HashSet<string> MoneyFields = ["price", "unitPrice", "discount", "shippingFee", "amount", "weightKg"];

    private static readonly HashSet<string> CodeFields = ["code", "skuCode", "warehouse", "toWarehouse", "operationId", "externalOrderNo", "trackingNo", "slug"];

    public static bool IsMoney(string field) => MoneyFields.Contains(field);

    /// <summary>A number field at its limit: money at <see cref="Limits.MaxMoney"/> (a discount at 0, so the line stays valid), a count at <see cref="Limits.MaxQuantity"/>.</summary>
    public static string AtLimit(string field) => IsMoney(field) ? field == "discount" ? "0" : N(Limits.MaxMoney) : N(Limits.MaxQuantity);

    /// <summary>A string of exactly <paramref name="length"/> characters: code characters for a code, marked CJK text otherwise.</summary>
    public static string Text(string field, int length, FuzzCompany company)
    {
        var fill = CodeFields.Contains(field) ? "FZ" + string.Concat(Enumerable.Repeat("X0", length)) : company.Marker + " " + new string('测', length);
        return fill[..length];
    }

    public static string Name(string control) => string.Join("+", control.Select(c => $"U+{(int)c:X4}"));

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
