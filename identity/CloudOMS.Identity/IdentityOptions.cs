using System.ComponentModel.DataAnnotations;

namespace CloudOMS.Identity;

/// <summary>Settings under "Identity".</summary>
public sealed class CloudOmsIdentityOptions : IValidatableObject
{
    public const string Section = "Identity";

    /// <summary>Off for the embedded default on localhost; on behind TLS in production.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>
    /// Where people reach CloudOMS (https://oms.example.cn), for every link that leaves a request: mail
    /// (confirmation, password reset, invitation) and payment return pages. Empty: the first address this
    /// server listens on (http://localhost:5080 for the embedded start). Never taken from the request's Host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Wrong passwords from one browser or address for one account before that source is locked out.</summary>
    [Range(1, 1000)]
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Wrong passwords for one account from browsers it never signed in with, from any address, within
    /// <see cref="LockoutDuration"/>; then such browsers wait (429) while browsers it signed in with go on.
    /// </summary>
    [Range(1, 100_000)]
    public int UntrustedFailuresPerAccount { get; set; } = 20;

    /// <summary>Sign-in and two-factor form posts per client address per minute.</summary>
    [Range(1, 1_000_000)]
    public int SignInsPerMinute { get; set; } = 30;

    /// <summary>Requests to /connect/token per client address per minute (a shield for the CPU that checks secrets).</summary>
    [Range(1, 1_000_000)]
    public int TokenRequestsPerMinute { get; set; } = 600;

    /// <summary>Client-credentials tokens issued per API client per minute (a token lasts an hour).</summary>
    [Range(1, 1_000_000)]
    public int ClientTokensPerMinute { get; set; } = 60;

    /// <summary>Company sign-ups (API and page) per client address per hour.</summary>
    [Range(1, 1_000_000)]
    public int SignupsPerHour { get; set; } = 10;

    /// <summary>Password-reset requests per client address per hour, whatever the accounts.</summary>
    [Range(1, 1_000_000)]
    public int ResetRequestsPerHour { get; set; } = 30;

    /// <summary>Password-reset mails for one account asked from one client address per hour.</summary>
    [Range(1, 1_000_000)]
    public int ResetMailsPerAccountPerHour { get; set; } = 3;

    /// <summary>Interactive OIDC clients registered at start (the portal, the operator console, ...).</summary>
    public List<OidcClientOptions> Clients { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(PublicBaseUrl)) yield break;
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            yield return new ValidationResult($"Identity:PublicBaseUrl must be an absolute http(s) address without query, e.g. https://oms.example.cn (got '{PublicBaseUrl}')",
                [nameof(PublicBaseUrl)]);
    }
}

public sealed class OidcClientOptions
{
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Null for a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    /// <summary>Called in a hidden frame when the user signs out anywhere (single sign-out).</summary>
    public string? FrontChannelLogoutUri { get; set; }
}
