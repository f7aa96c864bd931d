using System.Text.RegularExpressions;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>What the walk sent and got: counts per status, fault and route, and the findings grouped by kind.</summary>
public sealed partial class FuzzReport(FuzzWalk walk, TimeSpan setup, TimeSpan duration)
{
    private const int LineWidth = 170;

    public static string Database => PortalFactory.OnPostgres ? "PostgreSQL" : "SQLite";

    /// <summary>Answers with a 5xx status, or none at all within the timeout (status 0).</summary>
    public IReadOnlyList<Exchange> ServerErrors => [.. walk.Exchanges.Where(e => e.Status is 0 or >= 500)];

    public IReadOnlyList<Exchange> Leaks => [.. walk.Exchanges.Where(e => e.Leaks.Count > 0)];

    /// <summary>A JSON route sent a body in another media type, answered with something else than 415 Unsupported Media Type.</summary>
    public IReadOnlyList<Exchange> MediaMisfits => [.. walk.Exchanges.Where(e => e.Recipe.Kind == "media" && e.Recipe.Route.TakesJson
        && e.Shot.ContentType is not null && !MediaTypes.IsJson(e.Shot.ContentType) && e.Status != 415)];

    /// <summary>Routes of the document that one of the companies did not call.</summary>
    public IReadOnlyList<string> NotWalked => [.. walk.Routes.Where(r => Count(r, walk.A) == 0 || Count(r, walk.B) == 0).Select(r => r.ToString())];

    public IEnumerable<string> Summary()
    {
        var all = walk.Exchanges;
        yield return $"fuzz: {Database}, {walk.Budget}; setup {setup.TotalSeconds:0.0} s, walk {duration.TotalSeconds:0.0} s ({all.Count / Math.Max(duration.TotalSeconds, 0.1):0} requests/s)";
        yield return $"fuzz: {all.Count:N0} requests: " + string.Join(", ", all.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key)} x {g.Count():N0}"));
        foreach (var line in Wrap("fuzz: faults: ", all.GroupBy(e => e.Recipe.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} x {g.Count():N0}")))
            yield return line;
        var routes = walk.Routes.GroupBy(r => r.Pattern).Select(g => $"{g.Key} {string.Join(" ", g.Select(r => $"{r.Method} {Count(r, walk.A)}/{Count(r, walk.B)}"))}");
        foreach (var line in Wrap($"fuzz: {walk.Routes.Count} routes of /openapi/v1.json, requests by A/B: ", routes)) yield return line;
        yield return NotWalked.Count == 0 ? "fuzz: every route walked by both companies" : $"fuzz: NOT walked by both companies: {string.Join(", ", NotWalked)}";
        var outside = BySection(walk.Outside.Walked.Select(r => (r.Pattern, $" {Count(r, walk.Anonymous)}")));
        foreach (var line in Wrap($"fuzz: {walk.Outside.Walked.Count} GET routes outside the document, requests without a token: ", outside)) yield return line;
        var skipped = BySection(walk.Outside.NotWalked.Select(r => (r, "")));
        foreach (var line in Wrap($"fuzz: not walked: {walk.Outside.StaticFiles} static files, {walk.Outside.NotWalked.Count} routes outside the document that are not GET: ", skipped))
            yield return line;
        yield return $"fuzz: {walk.TransientAnswers} answers 503 with Retry-After, each sent again once";
        yield return $"fuzz: found {ServerErrors.Count} answers 5xx or none ({Classes(ServerErrors, ServerErrorKind).Count()} kinds), "
            + $"{Leaks.Count} answers showing the other company's data, {MediaMisfits.Count} non-JSON bodies not answered 415";
    }

    public static string ServerErrorKind(Exchange e) =>
        $"{e.Recipe.Route} -> {(e.Status == 0 ? "no answer" : e.Status)}: {Signature(e.ServerError ?? e.Response)}";

    /// <summary>Grouped by <paramref name="kind"/>, biggest first: each kind with its count and up to <paramref name="examples"/> full examples.</summary>
    public static IEnumerable<string> Classes(IEnumerable<Exchange> exchanges, Func<Exchange, string> kind, int examples = 2) =>
        exchanges.GroupBy(kind).OrderByDescending(g => g.Count()).Select(g =>
            $"{g.Count()} x {g.Key}\n" + string.Join("\n", g.Take(examples).Select(e => $"    e.g. [{e.Recipe.Fault}] {e.Describe()}")));

    private Dictionary<(FuzzRoute, FuzzCompany), int>? _counts;

    private int Count(FuzzRoute route, FuzzCompany company)
    {
        _counts ??= walk.Exchanges.GroupBy(e => (e.Recipe.Route, e.Recipe.Company), ReferencePair.Instance).ToDictionary(g => g.Key, g => g.Count(), ReferencePair.Instance);
        return _counts.GetValueOrDefault((route, company));
    }

    /// <summary>Routes compare by reference: their schemas are JSON elements, slow to compare by value.</summary>
    private sealed class ReferencePair : IEqualityComparer<(FuzzRoute, FuzzCompany)>
    {
        public static readonly ReferencePair Instance = new();

        public bool Equals((FuzzRoute, FuzzCompany) x, (FuzzRoute, FuzzCompany) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((FuzzRoute, FuzzCompany) pair) => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item2));
    }

    /// <summary>The error without what differs between occurrences (ids, long numbers, durations).</summary>
    private static string Signature(string error)
    {
        var plain = Variable().Replace(error, "#");
        return plain.Length > 220 ? plain[..220] : plain;
    }

    /// <summary>"/account: login 12, logout 3" for "/account/login" and "/account/logout": every route named, the common part once.</summary>
    private static IEnumerable<string> BySection(IEnumerable<(string Route, string Note)> routes) =>
        routes.GroupBy(r => r.Route[..(r.Route.IndexOf('/', r.Route.IndexOf('/') + 1) is var end and > 0 ? end : r.Route.Length)])
            .Select(g => g.Count() == 1 ? g.First().Route + g.First().Note : $"{g.Key}: {string.Join(", ", g.Select(r => (r.Route.Length > g.Key.Length ? r.Route[(g.Key.Length + 1)..] : "/") + r.Note))}");

    private static IEnumerable<string> Wrap(string head, IEnumerable<string> items)
    {
        var line = head;
        foreach (var item in items)
        {
            if (line.Length + item.Length > LineWidth && line != head)
            {
                yield return line.TrimEnd(';', ' ', ',');
                line = "fuzz:   ";
            }
            line += item + "; ";
        }
        yield return line.TrimEnd(';', ' ', ',');
    }

    [GeneratedRegex(@"\b[0-9a-fA-F-]{12,}\b|\d{6,}|\d+ms")]
    private static partial Regex Variable();
}
