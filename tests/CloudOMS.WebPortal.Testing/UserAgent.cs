using System.Text.RegularExpressions;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// The browser side of a sign-in: keeps cookies, follows the server's redirects and posts its HTML
/// forms with their hidden (antiforgery) fields. It stops at a redirect to the client's callback,
/// as a browser would hand that URL to the app, and records it.
/// </summary>
public sealed partial class UserAgent : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() });
    private readonly Uri _server;
    private readonly Uri _callback;

    public UserAgent(Uri server, Uri callback)
    {
        (_server, _callback) = (server, callback);
        Location = server;
    }

    public HttpStatusCode Status { get; private set; }

    public Uri Location { get; private set; }

    public string Html { get; private set; } = "";

    /// <summary>The callback URL the server redirected to, with its query (code, state, iss).</summary>
    public Uri? Callback { get; private set; }

    /// <summary>Sent as X-Forwarded-For: the client address a reverse proxy in front of the server would report.</summary>
    public string? ForwardedFor { get; set; }

    /// <summary>Sent as the Host header instead of the server's own, as a caller may.</summary>
    public string? Host { get; set; }

    /// <summary>When false, navigation stops at the first redirect, which <see cref="Redirect"/> then holds as sent.</summary>
    public bool FollowRedirects { get; set; } = true;

    /// <summary>The Location header of the last response, exactly as the server wrote it.</summary>
    public string? Redirect { get; private set; }

    /// <summary>The Retry-After header of the last response, in seconds.</summary>
    public int? RetryAfter { get; private set; }

    public Task Go(string url) => Navigate(new HttpRequestMessage(HttpMethod.Get, new Uri(Location, url)));

    /// <summary>Posts fields as a form to <paramref name="url"/>, as an auto-submitting page of another site would.</summary>
    public Task Post(string url, IEnumerable<KeyValuePair<string, string?>> fields) =>
        Navigate(new HttpRequestMessage(HttpMethod.Post, new Uri(Location, url)) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Posts the page's form: its hidden fields, then <paramref name="fields"/>.</summary>
    public Task Submit(params (string Name, string Value)[] fields)
    {
        var form = FormPattern().Match(Html);
        Assert.True(form.Success, $"No form on {Location} ({(int)Status}):\n{Html}");
        var values = HiddenPattern().Matches(form.Value)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.True(values.Count > 0, $"The form on {Location} has no antiforgery field");
        foreach (var (name, value) in fields) values[name] = value;
        var action = new Uri(Location, WebUtility.HtmlDecode(form.Groups["action"].Value));
        return Navigate(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(values) });
    }

    /// <summary>The values of a select's options, as offered on the page.</summary>
    public IReadOnlyList<string> Options(string select)
    {
        var match = SelectPattern().Matches(Html).FirstOrDefault(m => m.Groups["name"].Value == select);
        Assert.True(match is not null, $"No <select name=\"{select}\"> on {Location}:\n{Html}");
        return [.. OptionPattern().Matches(match.Value).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value))];
    }

    /// <summary>The page's error message, or null.</summary>
    public string? Error => ErrorPattern().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["text"].Value) : null;

    /// <summary>The text of the element with this id, HTML-decoded, or null.</summary>
    public string? Text(string id) =>
        Regex.Match(Html, $"""id="{Regex.Escape(id)}"[^>]*>(?<text>[^<]*)<""") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["text"].Value) : null;

    private async Task Navigate(HttpRequestMessage request)
    {
        Callback = null;
        for (var hop = 0; hop < 10; hop++)
        {
            if (ForwardedFor is not null) request.Headers.Add("X-Forwarded-For", ForwardedFor);
            if (Host is not null) request.Headers.Host = Host;
            using var response = await _http.SendAsync(request);
            Location = request.RequestUri!;
            Status = response.StatusCode;
            Html = await response.Content.ReadAsStringAsync();
            Redirect = response.Headers.NonValidated.TryGetValues("Location", out var location) ? location.ToString() : null;
            RetryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null;
            if ((int)Status is < 300 or >= 400 || response.Headers.Location is null || !FollowRedirects) return;
            var next = new Uri(Location, response.Headers.Location);
            if (next.GetLeftPart(UriPartial.Path) == _callback.GetLeftPart(UriPartial.Path))
            {
                Callback = next;
                return;
            }
            Assert.True(next.Authority == _server.Authority, $"Redirected off the server to {next}");
            request = new HttpRequestMessage(HttpMethod.Get, next);
        }
        throw new InvalidOperationException($"Too many redirects, last at {Location}");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)">.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("""<select[^>]*name="(?<name>[^"]+)"[^>]*>.*?</select>""", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("""<option value="(?<value>[^"]*)">""")]
    private static partial Regex OptionPattern();

    [GeneratedRegex("""<p class="error" role="alert">(?<text>.*?)</p>""", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();
}
