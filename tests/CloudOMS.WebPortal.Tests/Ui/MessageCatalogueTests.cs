using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CloudOMS.WebPortal.Tests.Ui;

/// <summary>
/// Messages (refusals, field errors, sign-in pages, e-mails) come from each project's Resources/Messages.resx (zh-CN,
/// the default) and Messages.en.resx, and are worded in the reader's language when shown. A key used in code but
/// missing from a catalogue would show as the key itself, and a template that does not parse would fail the answer
/// it is part of; and no message may be written in code as "中文 / English" any more.
/// </summary>
public sealed partial class MessageCatalogueTests
{
    private static readonly string Root = RepositoryRoot();

    /// <summary>Every project with a message catalogue (its Messages.Msg).</summary>
    public static TheoryData<string> Projects => new()
    {
        "silo/CloudOMS.Grains",
        "identity/CloudOMS.Identity",
        "identity/CloudOMS.Identity.Abstractions",
        "billing/CloudOMS.Billing",
        "web-portal/CloudOMS.WebPortal",
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Both_languages_hold_the_same_keys_each_with_a_template_that_formats(string project)
    {
        var chinese = Catalogue(project, "Messages.resx");
        var english = Catalogue(project, "Messages.en.resx");
        Assert.True(chinese.Count >= 10, $"only {chinese.Count} messages read in {project}: wrong file?");
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(chinese.Keys));
        var broken = chinese.Concat(english)
            .Where(m => string.IsNullOrWhiteSpace(m.Value) || !Formats(m.Value, Placeholders(chinese[m.Key], english[m.Key])))
            .Select(m => $"{m.Key}: {m.Value}").ToList();
        Assert.Empty(broken);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_key_the_code_names_exists_in_both_languages(string project)
    {
        var chinese = Catalogue(project, "Messages.resx");
        var english = Catalogue(project, "Messages.en.resx");
        var sources = Sources(project).Select(f => (File: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        Assert.True(sources.Count >= 3, $"only {sources.Count} sources found in {project}: wrong folder?");
        var used = sources.SelectMany(s => LiteralKey().Matches(s.Text).Select(m => (s.File, Key: m.Groups[1].Value))).ToList();
        Assert.Empty(used.Where(u => !chinese.ContainsKey(u.Key) || !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
        // Keys made from a prefix and a value (e.g. TenantQuotas.{kind}Limit): some key must carry the prefix.
        var prefixes = sources.SelectMany(s => PrefixKey().Matches(s.Text).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var unmatched = prefixes.Where(p => !chinese.Keys.Any(k => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Empty(unmatched);
        // And no catalogue entry is left that nothing uses.
        var unused = chinese.Keys.Where(k => !used.Any(u => u.Key == k) && !prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Empty(unused);
    }

    [Fact]
    public void No_production_code_writes_a_message_in_two_languages_at_once()
    {
        var projects = new[] { "silo", "identity", "billing", "web-portal" }.Select(p => Path.Combine(Root, p));
        var files = projects.SelectMany(p => Directory.EnumerateFiles(p, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            // The console banner after `dotnet run` is for whoever started it, in both languages by design.
            .Where(f => Path.GetFileName(f) != "StartupBanner.cs");
        var found = files.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && !l.Text.StartsWith("@*", StringComparison.Ordinal) && TwoLanguages().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}").ToList();
        Assert.True(files.Count() > 200, "too few sources found: wrong folder?");
        Assert.Empty(found);
    }

    /// <summary>The placeholder count a template's arguments must cover: one more than the highest index either language uses.</summary>
    private static int Placeholders(string chinese, string english) =>
        Placeholder().Matches(chinese + english).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    private static bool Formats(string template, int args)
    {
        if (args == 0) return true;
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, template, Enumerable.Repeat<object>(1, args).ToArray());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Dictionary<string, string> Catalogue(string project, string file) =>
        XDocument.Load(Path.Combine(Root, project, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static IEnumerable<string> Sources(string project) =>
        Directory.EnumerateFiles(Path.Combine(Root, project), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CloudOMS.sln"))) return folder.FullName;
        throw new InvalidOperationException("CloudOMS.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\bMsg\.(?:Of|Get)\("([^"]+)"[,)]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""\bMsg\.(?:Of|Get)\(\$"([^"{]+)\{""")]
    private static partial Regex PrefixKey();

    [GeneratedRegex("""\{(\d+)[:,}]""")]
    private static partial Regex Placeholder();

    /// <summary>A string literal holding Chinese, then " / ", then English: the old two-language message pattern.</summary>
    [GeneratedRegex("""["'>][^"]*\p{IsCJKUnifiedIdeographs}[^"]*\s/\s[A-Za-z][^"]*["<]""")]
    private static partial Regex TwoLanguages();
}
