namespace CloudOMS.Identity;

/// <summary>Settings under "Identity".</summary>
public sealed class CloudOmsIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>Off for the embedded default on localhost; on behind TLS in production.</summary>
    public bool RequireHttps { get; set; }

    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in and token requests allowed per client IP per minute.</summary>
    public int SignInsPerMinute { get; set; } = 30;

    /// <summary>Interactive OIDC clients registered at start (the portal, the operator console, ...).</summary>
    public List<OidcClientOptions> Clients { get; set; } = [];
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
