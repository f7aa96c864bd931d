using System.Text;

namespace CloudOMS.Identity.Edge;

/// <summary>
/// The one check for every redirect target a request supplies (after sign-in, language switch, sign-out,
/// company switch): a path on this host, or the fallback. Browsers drop tabs and line breaks and read a
/// backslash as a slash, so "/\t/evil.example", "//evil.example" and "/\evil.example" all lead off the host;
/// such targets, and control characters anywhere, fall back rather than fail.
/// </summary>
public static class LocalRedirects
{
    public const string Fallback = "/app";

    private const int MaxLength = 4096;

    /// <summary>A safe, ASCII-only local target for <paramref name="url"/>; never throws.</summary>
    public static string Target(string? url, string fallback = Fallback)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/') return fallback;
        if (url.Length > 1 && url[1] is '/' or '\\') return fallback;
        var pathEnd = url.IndexOfAny(['?', '#']);
        var path = pathEnd < 0 ? url : url[..pathEnd];
        if (path.Contains('\\') || EncodedSlashFirst(path) || EncodedControl(path)) return fallback;
        return url.Any(char.IsControl) ? fallback : Ascii(url);
    }

    /// <summary>"/%2F..." or "/%5C..." decodes to "//" or "/\" wherever something decodes the path once more.</summary>
    private static bool EncodedSlashFirst(string path) =>
        path.StartsWith("/%2f", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/%5c", StringComparison.OrdinalIgnoreCase);

    /// <summary>An escaped control character (%00-%1F, %7F) in the path.</summary>
    private static bool EncodedControl(string path)
    {
        for (var i = path.IndexOf('%'); i >= 0 && i + 2 < path.Length; i = path.IndexOf('%', i + 1))
            if (path[i + 1] is '0' or '1' && Uri.IsHexDigit(path[i + 2]) || path[i + 1] == '7' && path[i + 2] is 'f' or 'F') return true;
        return false;
    }

    /// <summary>Percent-encodes what a Location header cannot carry (non-ASCII, spaces) as UTF-8.</summary>
    private static string Ascii(string url)
    {
        if (url.All(c => c is > ' ' and < (char)0x7F)) return url;
        var builder = new StringBuilder(url.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F)
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length]) builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
