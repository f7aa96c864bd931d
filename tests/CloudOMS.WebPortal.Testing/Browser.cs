using System.Net;
using System.Text.RegularExpressions;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// What a browser does for sign-in flows: keeps cookies, follows redirects across hosts and
/// remembers every URL it passed, and posts HTML forms with their hidden fields.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private readonly HttpClient _http;

    public Browser()
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true });
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every URL visited by the last navigation, in order.</summary>
    public List<Uri> Visited { get; } = [];

    public Uri Location { get; private set; } = new("about:blank");

    public string Html { get; private set; } = "";

    public HttpStatusCode Status { get; private set; }

    public Task Go(string url) => Navigate(new HttpRequestMessage(HttpMethod.Get, url), reset: true);

    /// <summary>Posts fields as a form to <paramref name="url"/>, as an auto-submitting page of another site would.</summary>
    public Task Post(string url, params (string Name, string Value)[] fields) =>
        Navigate(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) }, reset: true);

    /// <summary>Submits the page's first form with its hidden fields plus <paramref name="fields"/>.</summary>
    public Task Submit(params (string Name, string Value)[] fields)
    {
        var form = FormPattern().Match(Html);
        Assert.True(form.Success, $"no form on {Location}:\n{Html}");
        var action = WebUtility.HtmlDecode(form.Groups["action"].Value);
        var values = HiddenPattern().Matches(form.Value).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields) values[name] = value;
        return Navigate(new HttpRequestMessage(HttpMethod.Post, new Uri(Location, action)) { Content = new FormUrlEncodedContent(values) }, reset: true);
    }

    /// <summary>The src of every iframe on the page (front-channel logout frames).</summary>
    public IReadOnlyList<Uri> Frames() =>
        [.. FramePattern().Matches(Html).Select(m => new Uri(Location, WebUtility.HtmlDecode(m.Groups["src"].Value)))];

    public Uri? Link(string id) =>
        LinkPattern().Matches(Html).FirstOrDefault(m => m.Groups["id"].Value == id) is { } m ? new Uri(Location, WebUtility.HtmlDecode(m.Groups["href"].Value)) : null;

    private async Task Navigate(HttpRequestMessage request, bool reset)
    {
        if (reset) Visited.Clear();
        for (var hop = 0; hop < 20; hop++)
        {
            Visited.Add(request.RequestUri!);
            using var response = await _http.SendAsync(request);
            Location = request.RequestUri!;
            Status = response.StatusCode;
            Html = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null) return;
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(Location, response.Headers.Location));
        }
        throw new InvalidOperationException($"Too many redirects, last {Location}");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""<form[^>]*action="(?<action>[^"]*)"[^>]*>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<iframe src=\"(?<src>[^\"]+)\"")]
    private static partial Regex FramePattern();

    [GeneratedRegex("<a id=\"(?<id>[^\"]+)\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex LinkPattern();
}
