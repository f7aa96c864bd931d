using System.Text.Json;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>A path, query or header parameter as the OpenAPI document declares it.</summary>
public sealed record FuzzParameter(string Name, string In, JsonElement Schema);

/// <summary>One operation of the OpenAPI document: what the fuzzer walks.</summary>
public sealed record FuzzRoute(string Method, string Pattern, IReadOnlyList<FuzzParameter> Parameters, JsonElement? Body)
{
    public IEnumerable<FuzzParameter> In(string location) => Parameters.Where(p => p.In == location);

    public bool TakesJson => Body is not null;

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// The portal's own OpenAPI document (GET /openapi/v1.json), read into routes, so a new route is fuzzed
/// without editing the test, with the schemas its bodies and parameters declare.
/// </summary>
public sealed class OpenApiRoutes
{
    private readonly JsonElement _schemas;

    private OpenApiRoutes(JsonElement root)
    {
        _schemas = root.GetProperty("components").GetProperty("schemas");
        Routes = [.. root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => Route(path.Name, op.Name, op.Value)))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }

    public IReadOnlyList<FuzzRoute> Routes { get; }

    public static async Task<OpenApiRoutes> Load(HttpClient http)
    {
        using var response = await http.GetAsync("/openapi/v1.json");
        Assert.True(response.IsSuccessStatusCode, $"GET /openapi/v1.json answered {(int)response.StatusCode}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new OpenApiRoutes(document.RootElement.Clone());
    }

    /// <summary>The values of a named enum schema ("OrderStatus"), none if the document has no such schema.</summary>
    public IReadOnlyList<string> Enum(string name) =>
        _schemas.TryGetProperty(name, out var schema) && schema.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(v => v.ToString())] : [];

    /// <summary>The schema itself: a "$ref" followed, a "oneOf" of null and one schema reduced to that schema.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (true)
        {
            if (schema.TryGetProperty("$ref", out var reference))
                schema = _schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            else if (schema.TryGetProperty("oneOf", out var choices) && choices.EnumerateArray().FirstOrDefault(IsNotNull) is { ValueKind: JsonValueKind.Object } chosen)
                schema = chosen;
            else
                return schema;
        }
    }

    /// <summary>The JSON type a schema stands for, "null" aside ("string" for ["null","string"], "integer" for ["integer","string"]).</summary>
    public string TypeOf(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out _)) return "enum";
        if (!schema.TryGetProperty("type", out var type)) return schema.TryGetProperty("properties", out _) ? "object" : "any";
        return type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "null";
    }

    private static bool IsNotNull(JsonElement choice) =>
        !(choice.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null");

    private static FuzzRoute Route(string pattern, string method, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => new FuzzParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                p.TryGetProperty("schema", out var schema) ? schema : default)).ToList()
            : [];
        JsonElement? body = operation.TryGetProperty("requestBody", out var request) && request.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;
        return new FuzzRoute(method.ToUpperInvariant(), pattern, parameters, body);
    }
}
