using System.Text;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// Turns the seed into the walk's requests: every route of the document in turn (shuffled per cycle, cycles taking
/// turns between the companies), each with a fault picked by weight among those that fit the route. The same seed
/// and the same known ids give the same requests.
/// </summary>
public sealed class RequestPlanner(IReadOnlyList<FuzzRoute> routes, ValidBodies bodies, FuzzCompany a, FuzzCompany b, int seed)
{
    private static readonly (string Fault, int Weight, Func<FuzzRoute, bool> Fits)[] Faults =
    [
        ("valid", 22, _ => true), ("body:missing", 5, Json), ("body:null", 5, Json), ("body:type", 7, Json), ("body:extreme", 12, Json),
        ("body:limits", 6, Json), ("body:control", 10, Json), ("body:1mb", 2, Json), ("body:duplicate-key", 2, Json), ("body:deep", 1, Json),
        ("media", 5, _ => true), ("malformed", 4, Json), ("path:garbage", 6, r => r.In("path").Any()), ("path:foreign", 8, r => r.In("path").Any()),
        ("query", 8, r => r.In("query").Any()), ("duplicates", 6, _ => true), ("idempotency", 8, r => r.In("header").Any(p => p.Name == "Idempotency-Key")),
    ];

    private readonly Random _random = new(seed);
    private UrlPlanner? _urls;
    private readonly List<FuzzRoute> _cycle = [];
    private int _index;
    private int _cycles;

    /// <summary>Paths and queries, drawn from the same random sequence as everything else.</summary>
    private UrlPlanner Urls => _urls ??= new UrlPlanner(bodies, _random);

    public Recipe Next()
    {
        if (_cycle.Count == 0)
        {
            _cycle.AddRange(routes.Concat(Deeper()).OrderBy(_ => _random.Next()));
            _cycles++;
        }
        var route = _cycle[^1];
        _cycle.RemoveAt(_cycle.Count - 1);
        return For(route, _cycles % 2 == 1 ? a : b, null);
    }

    /// <summary>A request for this route and caller, its fault picked among <paramref name="allowed"/> (all that fit when null).</summary>
    public Recipe For(FuzzRoute route, FuzzCompany company, IReadOnlyCollection<string>? allowed)
    {
        var fits = Faults.Where(f => f.Fits(route) && allowed?.Contains(f.Fault) != false).ToList();
        var roll = _random.Next(fits.Sum(f => f.Weight));
        var fault = fits.First(f => (roll -= f.Weight) < 0).Fault;
        return Plan(_index++, route, company, fault);
    }

    private Recipe Plan(int index, FuzzRoute route, FuzzCompany company, string fault)
    {
        var (path, pathFault) = Urls.Path(route, company, fault);
        var (query, queryFault) = Urls.Query(route, company, fault == "query");
        var (body, bodyFault) = fault.StartsWith("body:", StringComparison.Ordinal)
            ? BodyFaults.Apply(bodies.Body(route, company, _random), fault[5..], company, _random)
            : (bodies.Body(route, company, _random), "");
        var (key, keyFault) = Key(route, company);
        var shot = route.TakesJson ? Shot.Json(route.Method, path + query, body.Write(), key) : new Shot(route.Method, path + query, null, null, key);
        string Label(string detail) => string.IsNullOrEmpty(detail) ? fault : $"{fault} {detail}";
        switch (fault)
        {
            case "media":
                var type = _random.Next(6) == 0 ? null : MediaTypes.NotJson[_random.Next(MediaTypes.NotJson.Length)];
                return One(shot with { ContentType = type, Body = Encoding.UTF8.GetBytes(body.Write()) }, type ?? "none");
            case "malformed":
                var pick = _random.Next(MediaTypes.Malformed.Length + 1);
                // The last choice: bytes that are not UTF-8 at all inside a JSON string.
                byte[] bytes = pick < MediaTypes.Malformed.Length ? Encoding.UTF8.GetBytes(MediaTypes.Malformed[pick]) : [.. "{\"name\":\""u8, 0xFF, 0xFE, .. "\"}"u8];
                return One(shot with { Body = bytes }, pick < MediaTypes.Malformed.Length ? Shot.Printable(MediaTypes.Malformed[pick], 20) : "invalid UTF-8");
            case "body:limits":
                // Five different bodies at the limits at once: one such order fits, the sums of several must fit too.
                // Each with a key of its own: reusing one is the idempotency fault's business.
                var more = Enumerable.Range(0, 4).Select(_ => shot with
                {
                    Body = Encoding.UTF8.GetBytes(BodyFaults.Apply(bodies.Body(route, company, _random), "limits", company, _random).Body.Write()),
                    IdempotencyKey = shot.IdempotencyKey is null ? null : $"fz-key-{_random.Next():x8}",
                });
                return new Recipe(index, company, route, "body:limits x5", [[shot, .. more]]);
            case "duplicates":
                var copies = _random.Next(2, 5);
                return new Recipe(index, company, route, $"duplicates x{copies}", [[.. Enumerable.Repeat(shot, copies)]]);
            case "idempotency":
                var reused = shot with { IdempotencyKey = OddKey(company) };
                var other = reused with { Body = Encoding.UTF8.GetBytes(bodies.Body(route, company, _random).Write()) };
                return _random.Next(2) == 0
                    ? new Recipe(index, company, route, "idempotency:sequential", [[reused], [other]])
                    : new Recipe(index, company, route, "idempotency:concurrent", [[reused, other]]);
            default:
                return One(shot, string.Join(" ", new[] { pathFault, queryFault, bodyFault, keyFault }.Where(d => d.Length > 0)));
        }
        Recipe One(Shot single, string detail) => new(index, company, route, Label(detail), [[single]]);
    }

    /// <summary>
    /// For routes that take one: usually a new key, sometimes none, and a quarter of the time one of ten keys all the
    /// company's stock routes share, so a key comes back with another body, route or SKU.
    /// </summary>
    private (string? Key, string Fault) Key(FuzzRoute route, FuzzCompany company)
    {
        if (!route.In("header").Any(p => p.Name == "Idempotency-Key")) return (null, "");
        return _random.Next(4) switch
        {
            0 => (null, ""),
            1 => ($"fz-shared-{company.Label}-{_random.Next(10)}", "shared Idempotency-Key"),
            _ => ($"fz-key-{_random.Next():x8}", ""),
        };
    }

    /// <summary>A key to send twice: a shared one, one at the 64-character operation id limit or past it, or an odd one.</summary>
    private string OddKey(FuzzCompany company) => _random.Next(6) switch
    {
        0 => new string('k', 64 + _random.Next(2)),
        1 => new string('k', 1000),
        2 => " ",
        3 => "a,b;c=\"d\"",
        _ => $"fz-shared-{company.Label}-{_random.Next(10)}",
    };

    private static bool Json(FuzzRoute route) => route.TakesJson;

    /// <summary>
    /// New orders and stock, three more times a cycle: the order workflow, reservations and the stock audit need
    /// orders in every state and SKUs with stock, and most requests of a cycle end orders or spend stock.
    /// </summary>
    private IEnumerable<FuzzRoute> Deeper() =>
        routes.Where(r => r.ToString() is "POST /api/orders" or "POST /api/stock/receive").SelectMany(r => Enumerable.Repeat(r, 3));
}
