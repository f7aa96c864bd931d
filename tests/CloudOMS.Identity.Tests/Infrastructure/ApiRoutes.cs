using CloudOMS.Identity.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.Identity.Tests.Infrastructure;

/// <summary>An /api route as the host maps it, with the permissions it declares.</summary>
public sealed record ApiRoute(string Method, string Pattern, IReadOnlyList<string> Permissions, bool Anonymous, IReadOnlyList<string> Parameters)
{
    /// <summary>The path with every {parameter} filled in by <paramref name="value"/>.</summary>
    public string Path(Func<string, string> value) =>
        Parameters.Aggregate(Pattern, (path, name) => path.Replace("{" + name + "}", Uri.EscapeDataString(value(name)), StringComparison.Ordinal));

    public HttpRequestMessage Request(Func<string, string> value, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path(value));
        if (Method is not ("GET" or "DELETE")) request.Content = JsonContent.Create(body ?? new { }, options: OmsClient.Json);
        return request;
    }

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>Every /api route of the running host, read from its endpoint data source, so a new route is tested without editing the tests.</summary>
public static class ApiRoutes
{
    public static IReadOnlyList<ApiRoute> Of(PortalFactory factory) =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Pattern: Text(e.RoutePattern)))
            .Where(e => e.Pattern == "/api" || e.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ApiRoute(
                method,
                e.Pattern,
                [.. e.Endpoint.Metadata.GetOrderedMetadata<RequiresPermission>().Select(p => p.Code)],
                e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                [.. e.Endpoint.RoutePattern.Parameters.Select(p => p.Name)])))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];

    /// <summary>"/api/roles/{roleId}" whatever the group prefixes and trailing slashes were.</summary>
    public static string Text(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
}
