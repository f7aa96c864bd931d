using System.Globalization;

namespace CloudOMS.Texts;

/// <summary>The languages CloudOMS speaks: Chinese (zh-CN) first and by default, English on request.</summary>
public static class Languages
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Every supported culture, the default first.</summary>
    public static readonly IReadOnlyList<CultureInfo> All = [Chinese, English];

    /// <summary>The supported language a culture falls under: English for any "en-*", Chinese for everything else.</summary>
    public static CultureInfo Of(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == English.TwoLetterISOLanguageName ? English : Chinese;
}
