using CloudOMS.Texts;

namespace CloudOMS.Grains;

/// <summary>
/// Collects input errors by field name, for a 400 answer that lists them all at once. Messages stay catalogue keys
/// until <see cref="ToDictionary"/> words them in the reader's language; a label names the field in that language.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<Text>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, Text message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>A message already worded in the reader's language (code that answers a request).</summary>
    public void Add(string field, string message) => Add(field, Text.Verbatim(message));

    public void Required(string field, string? value, int maxLength, Text label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, Msg.Of("FieldErrors.Required", label, field));
        else MaxLength(field, value, maxLength, label);
    }

    public void MaxLength(string field, string? value, int maxLength, Text label)
    {
        if (value is not null && value.Length > maxLength) Add(field, Msg.Of("FieldErrors.TooLong", label, maxLength, field));
        else Characters(field, value, label);
    }

    /// <summary>Refuses characters <see cref="TextRules"/> does not accept (control characters, bidi overrides, broken encoding).</summary>
    public void Characters(string field, string? value, Text label)
    {
        if (TextRules.Problem(value) is { } codePoint) Add(field, TextRules.Message(field, label, codePoint));
    }

    public void Code(string field, string? value, Text label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, Msg.Of("FieldErrors.Required", label, field));
        else if (!Limits.IsCode(value)) Add(field, CodeRule(label, field));
    }

    /// <summary>What a code may hold (<see cref="Limits.IsCode"/>), as the refusal words it; forms show it as a hint before any error.</summary>
    public static Text CodeRule(Text label, string field) => Msg.Of("FieldErrors.CodeRule", label, Limits.Code, field);

    public void Money(string field, decimal value, Text label)
    {
        if (value < 0 || value > Limits.MaxMoney) Add(field, Msg.Of("FieldErrors.MoneyRange", label, Limits.MaxMoney, field));
        else if (decimal.Round(value, 2) != value) Add(field, Msg.Of("FieldErrors.MoneyDecimals", label, field));
    }

    public void Quantity(string field, int value)
    {
        if (value <= 0 || value > Limits.MaxQuantity) Add(field, Msg.Of("FieldErrors.QuantityRange", Limits.MaxQuantity, field));
    }

    /// <summary>The errors worded in the current UI culture (the request's language at the edge).</summary>
    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.Select(t => t.ToString()).ToArray());

    /// <summary>Throws the first error as a command refusal; grains use this after the API has validated.</summary>
    public void ThrowIfAny()
    {
        if (!Any) return;
        var first = _errors.First();
        throw CommandException.Invalid(first.Key, first.Value[0]);
    }
}
