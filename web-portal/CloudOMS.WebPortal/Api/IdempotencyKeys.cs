using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Api;

/// <summary>
/// The Idempotency-Key header (or a body's operation id) as the API takes it: at most 64 letters, digits, '-', '_',
/// '.' or ':' (a UUID fits), bound per company to one request by <see cref="Fingerprint"/> in
/// <see cref="IIdempotencyKeyGrain"/>.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 64;

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>Adds the field error for a key that is not acceptable.</summary>
    public static void Check(FieldErrors errors, string field, string? key)
    {
        if (key is not null && !IsValid(key))
            errors.Add(field, Msg.Of("IdempotencyKeys.LettersDigits", MaxLength, field));
    }

    /// <summary>The request as the key binds it: the operation and its (already cleaned) input, hashed.</summary>
    public static string Fingerprint(string operation, object input) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(input, input.GetType(), Canonical))));
}
