using System.Globalization;

namespace CloudOMS.Texts;

/// <summary>
/// A message for people, kept as a catalogue key and arguments until it is shown. Arguments are formatted in the
/// reader's culture (a template may say <c>{0:0.00}</c>); an argument that is itself a <see cref="Text"/> (a field's
/// label, a status name) is worded in the same language, and a list of texts as a list in that language.
/// </summary>
public sealed class Text
{
    private readonly Catalogue? _catalogue;
    private readonly object?[] _args;
    private IReadOnlyDictionary<string, string>? _translations;

    internal Text(Catalogue? catalogue, string key, object?[] args)
    {
        _catalogue = catalogue;
        Key = key;
        _args = args;
    }

    /// <summary>The catalogue key; for <see cref="Verbatim"/> text, the text itself.</summary>
    public string Key { get; }

    public IReadOnlyList<object?> Args => _args;

    /// <summary>
    /// Text that is the same in every language: a name the user typed, or a message another library already worded
    /// in the request's language (e.g. a password rule of ASP.NET Core Identity).
    /// </summary>
    public static Text Verbatim(string text) => new(null, text, []);

    /// <summary>Text given in each language by data rather than a catalogue (a plan's configured names), by culture name.</summary>
    public static Text Translated(IReadOnlyDictionary<string, string> byCulture) =>
        new(null, byCulture.In(Languages.Chinese, ""), []) { _translations = byCulture };

    public string Render(CultureInfo culture)
    {
        if (_translations is not null) return _translations.In(culture, Key);
        if (_catalogue is null) return Key;
        var language = Languages.Of(culture);
        // A missing key shows as itself rather than failing the answer it is part of; a test keeps keys complete.
        var template = _catalogue.Template(Key, language) ?? Key;
        if (_args.Length == 0) return template;
        var args = _args.Select(a => a switch
        {
            Text inner => inner.Render(language),
            IEnumerable<Text> list => string.Join(language == Languages.English ? "; " : "；", list.Select(t => t.Render(language))),
            _ => a,
        }).ToArray();
        return string.Format(language, template, args);
    }

    /// <summary>The message in every supported language, by culture name: what crosses from a silo to the edge.</summary>
    public IReadOnlyDictionary<string, string> Translations() => Languages.All.ToDictionary(c => c.Name, Render);

    /// <summary>The message in the current UI culture.</summary>
    public override string ToString() => Render(CultureInfo.CurrentUICulture);
}
