using System.Text.RegularExpressions;

namespace CloudOMS.WebPortal.Testing;

/// <summary>The mail the server wrote to its mail folder (no SMTP server configured), one .eml file a message.</summary>
public sealed partial class Mailbox(string directory)
{
    /// <summary>Messages to <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<string> To(string address) =>
        !Directory.Exists(directory) ? [] :
        [.. Directory.GetFiles(directory, "*.eml").Order().Select(File.ReadAllText)
            .Where(text => text.StartsWith($"To: {address}\n", StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// The path and query of the newest link to <paramref name="path"/> mailed to <paramref name="address"/>,
    /// HTML-decoded. The mail is written before the request that sends it answers, so there is no wait.
    /// </summary>
    public string Link(string address, string path)
    {
        var messages = To(address);
        var link = messages.Reverse().Select(m => LinkPattern().Matches(m).Select(x => new Uri(WebUtility.HtmlDecode(x.Groups["href"].Value)))
            .FirstOrDefault(u => u.AbsolutePath == path)).FirstOrDefault(u => u is not null);
        Assert.True(link is not null, $"No mail to {address} links to {path}; {messages.Count} message(s) to that address");
        return link.PathAndQuery;
    }

    [GeneratedRegex("href=\"(?<href>[^\"]+)\"")]
    private static partial Regex LinkPattern();
}
