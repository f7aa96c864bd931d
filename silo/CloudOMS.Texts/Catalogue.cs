using System.Globalization;
using System.Resources;

namespace CloudOMS.Texts;

/// <summary>
/// One resource catalogue of messages: Messages.resx (zh-CN, the default) and Messages.en.resx beside it. Code names a
/// message by its key and arguments (<see cref="Of"/>); the text is chosen only when it is shown, in the reader's
/// language, so a refusal made in a silo reaches an API client in the language its request asked for.
/// </summary>
public sealed class Catalogue
{
    private readonly ResourceManager _resources;

    /// <param name="anchor">A type of the assembly that embeds the catalogue.</param>
    /// <param name="baseName">The resources' name in that assembly, e.g. "CloudOMS.Grains.Resources.Messages".</param>
    public Catalogue(Type anchor, string baseName)
    {
        _resources = new ResourceManager(baseName, anchor.Assembly);
        Name = baseName;
    }

    public string Name { get; }

    /// <summary>The message <paramref name="key"/> with its arguments, to be worded later in the reader's language.</summary>
    public Text Of(string key, params object?[] args) => new(this, key, args);

    /// <summary>The message <paramref name="key"/> worded now, in the current UI culture (code that answers a request).</summary>
    public string Get(string key, params object?[] args) => Of(key, args).ToString();

    /// <summary>The template of <paramref name="key"/> in <paramref name="culture"/>, or null when the catalogue lacks it.</summary>
    public string? Template(string key, CultureInfo culture) => _resources.GetString(key, Languages.Of(culture));
}
