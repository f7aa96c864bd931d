namespace CloudOMS.Identity.Access;

/// <summary>
/// Token entries that are never presented as a bearer access token: a change to one of them (a code or refresh
/// token redeemed at every sign-in and renewal) need not empty anyone's cache. Any other type, including one
/// unknown here, counts as an access token. The PostgreSQL trigger (migration AccessChangeNotifications) holds
/// the same list.
/// </summary>
public static class AccessTokenTypes
{
    public static readonly IReadOnlySet<string> NeverBearer = new HashSet<string>(StringComparer.Ordinal)
    {
        "authorization_code", "refresh_token", "device_code", "user_code", "id_token",
        "urn:openiddict:params:oauth:token-type:authorization_code",
        "urn:ietf:params:oauth:token-type:refresh_token",
        "urn:openiddict:params:oauth:token-type:device_code",
        "urn:openiddict:params:oauth:token-type:user_code",
        "urn:openiddict:params:oauth:token-type:request_token",
        "urn:ietf:params:oauth:token-type:id_token",
    };

    public static bool MayBeBearer(string? type) => type is null || !NeverBearer.Contains(type);
}
