namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// The path and query of a request: the company's ids (or the other company's, or none at all) in the path, the
/// route's query parameters with valid values, and for a query fault one parameter bent, sometimes twice.
/// </summary>
public sealed class UrlPlanner(ValidBodies bodies, Random random)
{
    public (string Path, string Fault) Path(FuzzRoute route, FuzzCompany company, string fault)
    {
        var path = route.Pattern;
        var detail = "";
        foreach (var parameter in route.In("path"))
        {
            var kind = PathValues.KindOf(route, parameter.Name);
            var ids = kind is null ? [] : fault == "path:foreign" ? company.Other.Ids(kind) : ValidValues.Mix(company, kind, random);
            string value;
            if (kind is null && fault != "path:garbage" && random.Next(2) == 0 && bodies.Query(parameter, route, company, random) is { } plain)
                value = Uri.EscapeDataString(plain);
            else if (fault == "path:garbage" || ids.Count == 0)
            {
                (value, detail) = PathValues.Garbage(random, company);
                if (fault != "path:garbage") detail = kind is null ? $"{parameter.Name}={detail}" : $"(no {kind} known: {detail})";
            }
            else
                value = Uri.EscapeDataString(Recent(ids));
            path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }
        return (path, detail);
    }

    /// <summary>Two times in three one of the last eight ids: new orders still have their workflow ahead of them.</summary>
    private string Recent(IReadOnlyList<string> ids) =>
        ids.Count > 8 && random.Next(3) > 0 ? ids[ids.Count - 1 - random.Next(8)] : ids[random.Next(ids.Count)];

    public (string Query, string Fault) Query(FuzzRoute route, FuzzCompany company, bool faulty)
    {
        var parameters = route.In("query").ToList();
        var pairs = parameters.Where(_ => random.Next(2) == 0)
            .Select(p => (p.Name, Value: bodies.Query(p, route, company, random)))
            .Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        var detail = "";
        if (faulty && parameters.Count > 0)
        {
            var target = parameters[random.Next(parameters.Count)].Name;
            var (value, what) = random.Next(3) switch
            {
                _ when target.Contains("url", StringComparison.OrdinalIgnoreCase) => PathValues.Redirect(random),
                0 => PathValues.Garbage(random, company),
                1 => (Uri.EscapeDataString(EdgeValues.Text(target, EdgeValues.TextLimits[random.Next(EdgeValues.TextLimits.Length)] + 1, company)), "long"),
                _ => PathValues.Number(random),
            };
            pairs.Add($"{target}={value}");
            if (random.Next(4) == 0) pairs.Add($"{target}={value}");
            detail = $"{target}={what}";
        }
        return (pairs.Count == 0 ? "" : "?" + string.Join("&", pairs), detail);
    }
}
