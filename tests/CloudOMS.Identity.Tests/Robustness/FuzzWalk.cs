using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// Starts a portal, sets up companies A and B, and walks every route of its OpenAPI document with generated
/// requests in rounds (the recipes of a round at once) until the budget is spent. Ids created in a round are
/// learnt after it, in recipe order. The report goes to the test output and, as xunit diagnostic messages
/// (xunit.runner.json), to the console of dotnet test and ./test.sh.
/// </summary>
public sealed class FuzzWalk(IMessageSink sink) : IAsyncLifetime
{
    /// <summary>A file to write every request and answer of the walk to, one a line, when set.</summary>
    public const string LogVariable = "CLOUDOMS_FUZZ_LOG";

    private const int RoundSize = 8;
    private const int OutsideRequests = 3, OutsideRequestsWithQuery = 12;
    private static readonly string[] OutsideFaults = ["valid", "query", "path:garbage"];
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the walk waits before sending again after a 503 with Retry-After (sooner than it asks, to stay quick).</summary>
    private static readonly TimeSpan TransientPause = TimeSpan.FromSeconds(1);

    private int _transient;

    /// <summary>Requests answered 503 with Retry-After and sent again once.</summary>
    public int TransientAnswers => Volatile.Read(ref _transient);

    public IdentityPortal Portal { get; } = new();
    public ServerLog Log { get; } = new();
    public FuzzBudget Budget { get; } = FuzzBudget.FromEnvironment();
    public FuzzCompany A { get; private set; } = null!;
    public FuzzCompany B { get; private set; } = null!;
    public FuzzCompany Anonymous { get; private set; } = null!;
    public IReadOnlyList<FuzzRoute> Routes { get; private set; } = [];
    public OutsideRoutes Outside { get; private set; } = null!;
    public OpenApiRoutes Document { get; private set; } = null!;
    public FuzzCatalogue Catalogue { get; private set; } = null!;
    public List<Exchange> Exchanges { get; } = [];
    public FuzzReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The trial plan's API rate (3,000 a minute) would answer most of the walk with 429: depth matters more here.
        Portal.Factory.Settings["Billing:Plans:2:ApiRequestsPerMinute"] = "100000000";
        Portal.Factory.TestServices.Add(services => services.AddSingleton<ILoggerProvider>(Log));
        var total = Stopwatch.StartNew();
        await Portal.InitializeAsync();
        Document = await OpenApiRoutes.Load(Portal.DemoApi.Http);
        Catalogue = await FuzzCatalogue.Load(Portal.DemoApi);
        Routes = Document.Routes;
        (A, B) = await FuzzCompanies.Create(Portal, Catalogue, Budget.Seed);
        Anonymous = FuzzCompanies.Anonymous(Portal, A, B);
        Outside = OutsideRoutes.Of(Portal.Factory, Routes);
        var setup = total.Elapsed;

        var planner = new RequestPlanner(Routes, new ValidBodies(Document, Catalogue), A, B, Budget.Seed);
        var clock = Stopwatch.StartNew();
        var walkTime = Budget.WalkTime(setup);
        while (Exchanges.Count < Budget.Requests && clock.Elapsed < walkTime)
            await PlayRound([.. Enumerable.Range(0, RoundSize).Select(_ => planner.Next())]);
        // Then the host's other GET routes, a few requests each (more for those with a query): few and cheap, so not budgeted.
        var outside = Outside.Walked.SelectMany(r => Enumerable.Range(0, r.In("query").Any() ? OutsideRequestsWithQuery : OutsideRequests)
            .Select(_ => planner.For(r, Anonymous, OutsideFaults))).ToList();
        foreach (var round in outside.Chunk(RoundSize)) await PlayRound(round);
        Report = new FuzzReport(this, setup, clock.Elapsed);
        foreach (var line in Report.Summary()) sink.OnMessage(new DiagnosticMessage(line));
        if (Environment.GetEnvironmentVariable(LogVariable) is { Length: > 0 } file)
            await File.WriteAllLinesAsync(file, Exchanges.Select(e => $"#{e.Recipe.Index} [{e.Recipe.Fault}] {e.Describe()}"));
    }

    public Task DisposeAsync() => Portal.DisposeAsync();

    private async Task PlayRound(IReadOnlyList<Recipe> recipes)
    {
        var round = await Task.WhenAll(recipes.Select(Play));
        foreach (var exchange in round.SelectMany(e => e))
        {
            Exchanges.Add(exchange);
            if (exchange.Created is var (kind, id)) exchange.Recipe.Company.Learn(kind, id);
        }
    }

    private async Task<IReadOnlyList<Exchange>> Play(Recipe recipe)
    {
        var exchanges = new List<Exchange>();
        foreach (var wave in recipe.Waves)
            exchanges.AddRange(await Task.WhenAll(wave.Select(shot => Send(recipe, shot))));
        return exchanges;
    }

    private async Task<Exchange> Send(Recipe recipe, Shot shot)
    {
        var (status, text, retryAfter) = await Answer(recipe, shot);
        // A 503 that says when to come back (a request that ran out of time on this busy 2-core machine) is the
        // answer the API promises for a transient failure; a client sends the request again, and so does the walk,
        // once. Only an answer that stays 503, or any other 5xx, is a server error.
        if (status == 503 && retryAfter)
        {
            Interlocked.Increment(ref _transient);
            await Task.Delay(TransientPause);
            (status, text, _) = await Answer(recipe, shot);
        }
        var leaks = recipe.Company.Foreign
            .Where(d => text.Contains(d, StringComparison.OrdinalIgnoreCase) && !shot.Text.Contains(d, StringComparison.OrdinalIgnoreCase)).ToList();
        var error500 = status >= 500 ? Log.ErrorOf(TraceId(text)) : null;
        return new Exchange(recipe, shot.Trimmed(), status, text.Length > 2000 ? text[..2000] : text, error500, leaks,
            status is 200 or 201 ? Created(recipe.Route, text) : null);
    }

    private async Task<(int Status, string Text, bool RetryAfter)> Answer(Recipe recipe, Shot shot)
    {
        using var request = shot.Message();
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        try
        {
            using var response = await recipe.Company.Api.Http.SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token), response.Headers.RetryAfter is not null);
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
        {
            return (0, $"no answer: {ServerLog.Describe(error)}", false);
        }
    }

    /// <summary>The id a successful create answered with, for the routes whose ids other routes take.</summary>
    private static (string, string)? Created(FuzzRoute route, string text)
    {
        var (kind, path) = route.ToString() switch
        {
            "POST /api/orders" => ("order", "orderId"),
            "POST /api/skus" => ("sku", "profile.code"),
            "POST /api/warehouses" => ("warehouse", "code"),
            "POST /api/roles" => ("role", "id"),
            "POST /api/api-clients" => ("client", "clientId"),
            "POST /api/billing/change" => ("invoice", "invoice.id"),
            _ => ("", ""),
        };
        if (kind.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var value = document.RootElement;
            foreach (var name in path.Split('.'))
                value = value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var inner) ? inner : default;
            return value.ValueKind == JsonValueKind.String ? (kind, value.GetString()!) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? TraceId(string problem)
    {
        var at = problem.IndexOf("\"traceId\":\"", StringComparison.Ordinal);
        return at < 0 ? null : problem[(at + 11)..].Split('"')[0];
    }
}
