using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Api;

/// <summary>
/// Every string in a JSON body passes <see cref="TextRules"/> as it is read: cleaned (NFC, trimmed), or refused with
/// an exception that names its place in the body, which <see cref="ApiProblems"/> turns into a 400 field error.
/// Passwords and secrets are taken exactly as sent (they are only ever hashed or compared).
/// </summary>
public static class JsonText
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new CleanString());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(KeepSecretsRaw);
    }

    /// <summary>The body field a JSON path points at, as the caller named it: "$.lines[0].skuCode" → "lines[0].skuCode".</summary>
    public static string Field(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static void KeepSecretsRaw(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (property.PropertyType == typeof(string) &&
                (property.Name.Contains("password", StringComparison.OrdinalIgnoreCase) || property.Name.Contains("secret", StringComparison.OrdinalIgnoreCase)))
                property.CustomConverter = RawString.Instance;
    }

    /// <summary>Refused text; carries the clerk's message, the serializer adds the path.</summary>
    public sealed class RefusedText(string message) : JsonException(message);

    private sealed class CleanString : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = RawString.Instance.Read(ref reader, typeToConvert, options);
            if (TextRules.Problem(value) is { } codePoint)
                throw new RefusedText(TextRules.Message(codePoint).ToString());
            return TextRules.Clean(value);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class RawString : JsonConverter<string>
    {
        public static readonly RawString Instance = new();

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) throw new JsonException();
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud800"): not text any database or export can hold.
                throw new RefusedText(TextRules.Message("U+D800-U+DFFF").ToString());
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override bool HandleNull => true;
    }
}
