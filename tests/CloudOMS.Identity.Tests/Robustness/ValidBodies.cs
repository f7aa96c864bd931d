using System.Globalization;
using System.Text.Json;
using static CloudOMS.Identity.Tests.Robustness.FuzzJson;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// Builds a body (or a parameter value) that should pass validation from the OpenAPI schema: every required
/// property, most optional ones, values from <see cref="ValidValues"/> by name and by type otherwise.
/// </summary>
public sealed class ValidBodies(OpenApiRoutes document, FuzzCatalogue catalogue)
{
    public FuzzJson Body(FuzzRoute route, FuzzCompany company, Random random) =>
        route.Body is { } schema ? Value(schema, "", route, company, random, 0) : new Obj([]);

    public FuzzJson Value(JsonElement schema, string field, FuzzRoute route, FuzzCompany company, Random random, int depth)
    {
        if (ValidValues.For(field, route, company, catalogue, random) is { } known) return known;
        schema = schema.ValueKind == JsonValueKind.Object ? document.Resolve(schema) : schema;
        return (schema.ValueKind == JsonValueKind.Object ? document.TypeOf(schema) : "string") switch
        {
            "object" when depth < 4 => new Obj([.. Properties(schema, random)
                .Select(p => KeyValuePair.Create(p.Name, Value(p.Value, p.Name, route, company, random, depth + 1)))]),
            "array" when depth < 4 => new Arr([.. Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => schema.TryGetProperty("items", out var items) ? Value(items, "", route, company, random, depth + 1) : new Str(company.Marker))]),
            "enum" => new Str(Pick(schema.GetProperty("enum"), random)),
            "integer" => Of(random.Next(0, 10)),
            "number" => Of(random.Next(0, 100)),
            "boolean" => new Bool(random.Next(2) == 0),
            _ => new Str($"{company.Marker} {random.Next(1000)}"),
        };
    }

    /// <summary>A query parameter's value as text: from the dictionary when it knows the name, else from the schema.</summary>
    public string? Query(FuzzParameter parameter, FuzzRoute route, FuzzCompany company, Random random) => parameter.Name switch
    {
        "from" => DateTime.UtcNow.AddDays(-random.Next(0, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "to" => DateTime.UtcNow.AddDays(random.Next(0, 2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "page" => random.Next(1, 4).ToString(CultureInfo.InvariantCulture),
        "pageSize" => random.Next(1, 201).ToString(CultureInfo.InvariantCulture),
        "days" => random.Next(1, 91).ToString(CultureInfo.InvariantCulture),
        "status" when document.Enum("OrderStatus") is { Count: > 0 } statuses => string.Join(",", statuses.OrderBy(_ => random.Next()).Take(random.Next(1, 3))),
        "q" or "search" => random.Next(2) == 0 ? company.Marker : company.Phone,
        _ => Value(parameter.Schema, parameter.Name, route, company, random, 0) switch
        {
            Str s => s.Value,
            Num n => n.Text,
            Bool b => b.Value ? "true" : "false",
            _ => null,
        },
    };

    /// <summary>Required properties always; optional ones three times in four.</summary>
    private static IEnumerable<JsonProperty> Properties(JsonElement schema, Random random)
    {
        var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToHashSet() : [];
        return schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Where(p => required.Contains(p.Name) || random.Next(4) > 0).ToList()
            : [];
    }

    private static string Pick(JsonElement values, Random random)
    {
        var all = values.EnumerateArray().Select(v => v.ToString()).ToList();
        return all[random.Next(all.Count)];
    }
}
