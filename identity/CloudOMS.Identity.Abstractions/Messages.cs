using CloudOMS.Texts;

namespace CloudOMS.Identity.Edge;

/// <summary>This project's messages, Resources/Messages.resx (zh-CN) and Messages.en.resx, named in code as <c>Msg.Of(key, args)</c>.</summary>
internal static class Messages
{
    public static readonly Catalogue Msg = new(typeof(Messages), "CloudOMS.Identity.Abstractions.Resources.Messages");
}
