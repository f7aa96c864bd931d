using System.Globalization;

namespace CloudOMS.WebPortal.Ui;

/// <summary>
/// The domain and the API word their refusals in both languages, "中文 / English", so an API caller reads them
/// whatever its language; on screen the user sees only their own.
/// </summary>
public static class Bilingual
{
    private const string Separator = " / ";

    public static string InUserLanguage(string message)
    {
        var split = message.IndexOf(Separator, StringComparison.Ordinal);
        if (split < 0) return message;
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? message[(split + Separator.Length)..] : message[..split];
    }
}
