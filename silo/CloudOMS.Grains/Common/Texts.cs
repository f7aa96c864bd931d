namespace CloudOMS.Grains;

/// <summary>Shared input limits so the API, the grains and the read model agree.</summary>
public static class Limits
{
    public const int Code = 40;
    public const int Name = 100;
    public const int ShortText = 50;
    public const int Address = 200;
    public const int Note = 500;
    public const int MaxQuantity = 1_000_000;
    public const int MaxLines = 200;
    public const decimal MaxMoney = 100_000_000m;

    public static bool IsCode(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= Code &&
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
