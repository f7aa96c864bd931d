using System.Globalization;
using System.Text;
using CloudOMS.Texts;

namespace CloudOMS.Grains;

/// <summary>
/// What text CloudOMS takes from outside (API bodies, query strings, forms, portal fields, imports). Text is stored
/// in Unicode normal form C and trimmed, so the same name typed on two keyboards is one name. Refused: control
/// characters other than tab, carriage return and line feed (U+0000 is not even storable in PostgreSQL text),
/// bidirectional embeddings, overrides and isolates (they make text read differently from what it holds, e.g. on a
/// pick list or an invoice), U+FEFF, noncharacters and unpaired surrogates (not valid Unicode: no database or export
/// can hold them faithfully).
/// </summary>
public static class TextRules
{
    /// <summary>NFC and trimmed; null stays null. Apply only to text <see cref="Problem"/> accepted.</summary>
    public static string? Clean(string? value)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The first character refused in <paramref name="value"/> (as U+XXXX), or null when all are accepted.</summary>
    public static string? Problem(string? value)
    {
        if (value is null) return null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (IsNonCharacter(char.ConvertToUtf32(c, value[i + 1]))) return CodePoint(char.ConvertToUtf32(c, value[i + 1]));
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || Refused(c)) return CodePoint(c);
        }
        return null;
    }

    /// <summary>
    /// The grains' own check, after the edge's: refuses the first field whose text is not accepted, so no state a
    /// grain saves (and no read-model row made from it) can hold such text, whichever way the command came.
    /// </summary>
    public static void Ensure(params ReadOnlySpan<(string Field, string? Value)> fields)
    {
        foreach (var (field, value) in fields)
            if (Problem(value) is { } codePoint) throw CommandException.Invalid(field, Message(codePoint));
    }

    /// <summary>The clerk's message for a refused character in the field labelled <paramref name="label"/>.</summary>
    public static Text Message(string field, Text label, string codePoint) => Msg.Of("TextRules.RefusedInField", label, codePoint, field);

    /// <summary>The message for a refused character where the field is named apart (a JSON path, a query parameter).</summary>
    public static Text Message(string codePoint) => Msg.Of("TextRules.Refused", codePoint);

    private static bool Refused(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF'
        || IsNonCharacter(c);

    private static bool IsNonCharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static string CodePoint(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
}
