using System.Text.RegularExpressions;
using System.Xml.Linq;
using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Tests.Ui;

/// <summary>
/// The portal's texts come from two resource catalogues, UiText.resx (zh-CN, the default) and UiText.en.resx. A key
/// used in code but missing from a catalogue shows the key itself on screen, so every key written in the portal's
/// sources must exist in both, with a text in both.
/// </summary>
public sealed partial class TextCatalogueTests
{
    private static readonly string Portal = Path.Combine(RepositoryRoot(), "web-portal", "CloudOMS.WebPortal");
    private static readonly Dictionary<string, string> Chinese = Catalogue("UiText.resx");
    private static readonly Dictionary<string, string> English = Catalogue("UiText.en.resx");

    [Fact]
    public void Both_languages_hold_the_same_keys_each_with_a_text()
    {
        Assert.True(Chinese.Count > 300, $"only {Chinese.Count} texts read: wrong file?");
        Assert.Empty(Chinese.Keys.Except(English.Keys));
        Assert.Empty(English.Keys.Except(Chinese.Keys));
        Assert.Empty(Chinese.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => "zh-CN " + t.Key));
        // Radzen's own texts stay empty in English on purpose: the components then keep their built-in English.
        Assert.Empty(English.Where(t => string.IsNullOrWhiteSpace(t.Value) && !t.Key.StartsWith("Radzen.", StringComparison.Ordinal)).Select(t => "en " + t.Key));
    }

    [Fact]
    public void Every_key_the_portal_uses_exists_in_both_languages()
    {
        var used = Sources().SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value))).ToList();
        Assert.True(used.Count > 300, $"only {used.Count} keys found in the sources: wrong folder?");
        var missing = used.Where(u => !Chinese.ContainsKey(u.Key) || !English.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Keys_built_from_a_prefix_have_texts_for_every_value()
    {
        var prefixes = Sources().SelectMany(file => PrefixKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.Contains("Status.", prefixes);
        var withoutTexts = prefixes.Where(p => !Chinese.Keys.Any(k => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Empty(withoutTexts);
        var statuses = Enum.GetNames<OrderStatus>().Concat(Enum.GetNames<PaymentStatus>()).Select(s => "Status." + s);
        var missing = statuses.Where(k => !Chinese.ContainsKey(k) || !English.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Portal, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static Dictionary<string, string> Catalogue(string file) =>
        XDocument.Load(Path.Combine(Portal, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CloudOMS.sln"))) return folder.FullName;
        throw new InvalidOperationException("CloudOMS.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\bT\["([^"]+)"\]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""\bT\["([^"]+)"\s*\+""")]
    private static partial Regex PrefixKey();
}
