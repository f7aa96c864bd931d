using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CloudOMS.Identity.Edge;

/// <summary>
/// Links that leave a request (mail, payment return pages) point here: Identity:PublicBaseUrl, or else the
/// first address this server listens on. Never the request's Host header: the caller writes that one, and a
/// reset link mailed to "their" host would hand them a valid token.
/// </summary>
public sealed class PublicUrls(IOptions<CloudOmsIdentityOptions> options, IServiceProvider services, ILogger<PublicUrls> logger) : IPublicUrls
{
    /// <summary>The embedded start's address, when nothing better is known.</summary>
    public const string EmbeddedDefault = "http://localhost:5080";

    private string? _base;

    /// <summary>Scheme, host, port and path prefix, without a trailing slash.</summary>
    public string Base => _base ??= Resolve();

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (already escaped) on this deployment.</summary>
    public string Link(string pathAndQuery) => Base + "/" + pathAndQuery.TrimStart('/');

    /// <summary>The link in a confirmation mail: it confirms <paramref name="userId"/>'s email with the token <paramref name="code"/>.</summary>
    public string EmailConfirmation(string userId, string code) =>
        Link($"/account/confirm?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(code)}");

    private string Resolve()
    {
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured) return configured.TrimEnd('/');
        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
            return EmbeddedDefault;
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        var resolved = $"{uri.Scheme}://{host}:{uri.Port}";
        if (host != uri.Host || listening.Contains("://+", StringComparison.Ordinal) || listening.Contains("://*", StringComparison.Ordinal))
            logger.LogWarning("Identity:PublicBaseUrl is not set and the server listens on every address: mailed links point at {PublicBaseUrl}", resolved);
        return resolved;
    }
}
