using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace CloudOMS.Identity.Edge;

/// <summary>
/// Settings under "ForwardedHeaders": the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed.
/// Empty (the default): none, so the client address is the connection's and a caller cannot pick another one.
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. 10.42.0.0/16 (a Kubernetes ingress's pod network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Proxies in a row in front of CloudOMS (a CDN and an ingress: 2); each must be known.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public bool Any => KnownProxies.Count + KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/8", [nameof(KnownNetworks)]);
    }
}

public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// First in the pipeline: behind a configured proxy, the client's address and scheme come from its headers, so
    /// rate limits, lockouts and the audit log see the real caller. The Host header is never taken from a proxy:
    /// nothing CloudOMS builds depends on it (links use <see cref="PublicUrls"/>).
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var trusted = app.ApplicationServices.GetRequiredService<IOptions<TrustedProxyOptions>>().Value;
        if (!trusted.Any) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = trusted.ForwardLimit,
        };
        // The middleware trusts loopback unless told otherwise; only what is configured counts.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in trusted.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in trusted.KnownNetworks) options.KnownIPNetworks.Add(IPNetwork.Parse(network));
        return app.UseForwardedHeaders(options);
    }
}
