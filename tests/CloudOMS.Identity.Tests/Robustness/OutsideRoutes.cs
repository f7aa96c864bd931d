using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// The routes the host maps beside its OpenAPI document: pages, sign-in, language switch, tracking. Their GET
/// routes are walked too, anonymously and without following redirects, with the query parameters their handlers
/// declare (a return URL among them); the others are listed as not walked, so nothing is left out silently.
/// </summary>
public sealed record OutsideRoutes(IReadOnlyList<FuzzRoute> Walked, IReadOnlyList<string> NotWalked, int StaticFiles)
{
    private static readonly Type[] Simple = [typeof(string), typeof(int), typeof(long), typeof(bool), typeof(Guid), typeof(DateTime), typeof(DateOnly)];

    public static OutsideRoutes Of(PortalFactory factory, IReadOnlyList<FuzzRoute> documented)
    {
        var known = documented.Select(r => r.ToString()).ToHashSet();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var files = endpoints.Count(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null);
        var routes = endpoints.Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Endpoint: e)))
            .Select(r => new FuzzRoute(r.Method, ApiRoutes.Text(r.Endpoint.RoutePattern), Parameters(r.Endpoint), null))
            .Where(r => !known.Contains(r.ToString()))
            .DistinctBy(r => r.ToString())
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
        return new OutsideRoutes([.. routes.Where(r => r.Method == "GET")], [.. routes.Where(r => r.Method != "GET").Select(r => r.ToString())], files);
    }

    /// <summary>Route parameters, and the simple parameters of a minimal API handler that are not bound from the route: its query.</summary>
    private static List<FuzzParameter> Parameters(RouteEndpoint endpoint)
    {
        var path = endpoint.RoutePattern.Parameters.Select(p => new FuzzParameter(p.Name, "path", default)).ToList();
        var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var query = handler?.GetParameters()
            .Where(p => Simple.Contains(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.GetCustomAttributes().All(a => a is not (FromServicesAttribute or FromBodyAttribute or FromFormAttribute or FromHeaderAttribute)))
            .Where(p => path.All(r => !string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(p => new FuzzParameter(p.Name!, "query", default)) ?? [];
        return [.. path, .. query];
    }
}
