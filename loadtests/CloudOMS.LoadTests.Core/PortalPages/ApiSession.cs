using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CloudOMS.LoadTests.PortalPages;

/// <summary>An HTTP client for the CloudOMS API signed in with an API client's credentials (client credentials grant).</summary>
public sealed class ApiSession : IDisposable
{
    public HttpClient Http { get; }

    private ApiSession(HttpClient http) => Http = http;

    public static async Task<ApiSession> SignIn(string baseUrl, string clientId, string clientSecret, int connections, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"token request refused ({(int)response.StatusCode}): {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiSession(http);
    }

    public async Task<JsonElement> Get(string path, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(path, cancellationToken);
        return await Read(response, cancellationToken);
    }

    public async Task<JsonElement> Post(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync(path, body, cancellationToken);
        return await Read(response, cancellationToken);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new ApiRefusal((int)response.StatusCode, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>The API answered with an error status.</summary>
public sealed class ApiRefusal(int status, string body) : Exception($"HTTP {status}: {body}")
{
    public int Status { get; } = status;
}
