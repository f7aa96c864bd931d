namespace CloudOMS.Identity.Edge;

/// <summary>
/// Absolute links to this deployment for what leaves a request (mail, payment return pages); the identity
/// server's <c>PublicUrls</c> builds them from Identity:PublicBaseUrl, never from a request's Host header.
/// </summary>
public interface IPublicUrls
{
    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (already escaped) on this deployment.</summary>
    string Link(string pathAndQuery);
}
