using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CloudOMS.WebPortal.Testing;

/// <summary>An authenticator app: RFC 6238 codes (HMAC-SHA1, 30 s steps, 6 digits) from a base32 shared key.</summary>
public static class Totp
{
    public static string Code(string sharedKey, DateTimeOffset at) => Code(Base32(sharedKey), at.ToUnixTimeSeconds() / 30);

    /// <summary>Six digits that no step near <paramref name="at"/> produces, so the server cannot accept them.</summary>
    public static string WrongCode(string sharedKey, DateTimeOffset at)
    {
        var key = Base32(sharedKey);
        var step = at.ToUnixTimeSeconds() / 30;
        var near = Enumerable.Range(-5, 11).Select(d => Code(key, step + d)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => (n * 7919 % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not ('=' or ' ' or '-')))
        {
            var index = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0) throw new FormatException($"Not base32: '{c}'");
            buffer = ((buffer << 5) | index) & 0xFFFF;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
