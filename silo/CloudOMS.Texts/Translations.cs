using System.Globalization;

namespace CloudOMS.Texts;

/// <summary>Picks from a message already worded in every language (see <see cref="Text.Translations"/>).</summary>
public static class Translations
{
    /// <summary>The wording for <paramref name="culture"/>, else the default language's, else <paramref name="fallback"/>.</summary>
    public static string In(this IReadOnlyDictionary<string, string>? translations, CultureInfo culture, string fallback) =>
        translations is null ? fallback
        : translations.TryGetValue(Languages.Of(culture).Name, out var text) ? text
        : translations.TryGetValue(Languages.Chinese.Name, out var chinese) ? chinese
        : fallback;
}
