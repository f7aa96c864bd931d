namespace CloudOMS.Grains;

/// <summary>Collects input errors by field name, for a 400 answer that lists them all at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void Required(string field, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"请填写{label} / {field} is required");
        else MaxLength(field, value, maxLength, label);
    }

    public void MaxLength(string field, string? value, int maxLength, string label)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"{label}不能超过 {maxLength} 个字符 / {field} must be at most {maxLength} characters");
        else Text(field, value, label);
    }

    /// <summary>Refuses characters <see cref="TextRules"/> does not accept (control characters, bidi overrides, broken encoding).</summary>
    public void Text(string field, string? value, string label)
    {
        if (TextRules.Problem(value) is { } codePoint) Add(field, TextRules.Message(field, label, codePoint));
    }

    public void Code(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"请填写{label} / {field} is required");
        else if (!Limits.IsCode(value)) Add(field, $"{label}只能包含字母、数字、-、_、.，且不超过 {Limits.Code} 个字符 / {field} must be letters, digits, '-', '_' or '.', at most {Limits.Code}");
    }

    public void Money(string field, decimal value, string label)
    {
        if (value < 0 || value > Limits.MaxMoney) Add(field, $"{label}必须在 0 到 {Limits.MaxMoney:0} 之间 / {field} must be between 0 and {Limits.MaxMoney:0}");
        else if (decimal.Round(value, 2) != value) Add(field, $"{label}最多两位小数 / {field} allows at most 2 decimals");
    }

    public void Quantity(string field, int value)
    {
        if (value <= 0 || value > Limits.MaxQuantity) Add(field, $"数量必须在 1 到 {Limits.MaxQuantity} 之间 / {field} must be between 1 and {Limits.MaxQuantity}");
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Throws the first error as a command refusal; grains use this after the API has validated.</summary>
    public void ThrowIfAny()
    {
        if (!Any) return;
        var first = _errors.First();
        throw CommandException.Invalid(first.Key, first.Value[0]);
    }
}
