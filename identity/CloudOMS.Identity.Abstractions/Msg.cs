using CloudOMS.Texts;

namespace CloudOMS.Identity;

/// <summary>This project's messages: Resources/Messages.resx (zh-CN) and Messages.en.resx.</summary>
internal static class Msg
{
    public static readonly Catalogue Catalogue = new(typeof(Msg), "CloudOMS.Identity.Abstractions.Resources.Messages");

    /// <summary>The message <paramref name="key"/> worded now, in the current UI culture.</summary>
    public static string Get(string key, params object?[] args) => Catalogue.Get(key, args);
}
