using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudOMS.WebPortal.Testing;

/// <summary>Talks to the portal over HTTP the way a client would; every call states the status it expects.</summary>
public sealed class OmsClient(HttpClient http)
{
    public const string MainWarehouse = "LY-MAIN";
    public const string JinanWarehouse = "JN-01";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http => http;

    public Task<HttpResponseMessage> Post(string path, object? body = null) => http.PostAsJsonAsync(path, body, Json);

    public Task<HttpResponseMessage> Get(string path) => http.GetAsync(path);

    public async Task<T> Get<T>(string path) => await Read<T>(await http.GetAsync(path), HttpStatusCode.OK);

    /// <summary>A GET asked in a language (Accept-Language), read as the JSON a client in that language gets.</summary>
    public async Task<JsonElement> GetIn(string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await Read<JsonElement>(await http.SendAsync(request), HttpStatusCode.OK);
    }

    public async Task<T> Post<T>(string path, object? body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Read<T>(await Post(path, body), expected);

    public static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new InvalidOperationException($"Empty body from {response.RequestMessage?.RequestUri}");
    }

    /// <summary>Checks a refusal is a ProblemDetails with the expected status, and returns it.</summary>
    public static async Task<ProblemView> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await Read<ProblemView>(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }

    /// <summary>Checks a 400 (or <paramref name="status"/>) names <paramref name="field"/> in its field errors.</summary>
    public static async Task<ProblemView> FieldError(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var problem = await Problem(response, status);
        Assert.True(problem.Errors?.ContainsKey(field) == true,
            $"Expected a field error for '{field}', got: {string.Join(", ", problem.Errors?.Keys.AsEnumerable() ?? [])} ({problem.Detail})");
        Assert.NotEmpty(problem.Errors![field][0]);
        return problem;
    }

    public async Task<string> CreateSku(int safetyStock = 0, decimal price = 10m)
    {
        var code = Unique.Code("SKU");
        await Post<SkuView>("/api/skus", new SkuBody(code, $"测试商品 {code}", null, "个", price, 0.5m, safetyStock), HttpStatusCode.Created);
        return code;
    }

    public async Task<string> CreateWarehouse(int priority)
    {
        var code = Unique.Code("WH");
        await Post<WarehouseView>("/api/warehouses", new WarehouseBody(code, "测试仓", "山东省", "临沂市", "兰山区测试路 1 号", priority), HttpStatusCode.Created);
        return code;
    }

    public Task<SkuView> Receive(string sku, string warehouse, int quantity) =>
        Post<SkuView>("/api/stock/receive", new StockMoveBody(sku, warehouse, quantity, "入库"));

    /// <summary>The SKU's level in one warehouse, straight from the SKU grain (no read-model lag).</summary>
    public async Task<StockLevelView> Level(string sku, string warehouse)
    {
        var levels = await Get<List<StockLevelView>>($"/api/stock/{sku}");
        return levels.SingleOrDefault(l => l.Warehouse == warehouse) ?? new StockLevelView(warehouse, 0, 0, 0, 0);
    }

    public Task<OrderView> CreateOrder(OrderBody order) => Post<OrderView>("/api/orders", order, HttpStatusCode.Created);

    public Task<OrderView> Order(string orderId) => Get<OrderView>($"/api/orders/{orderId}");

    /// <summary>Runs a workflow action (approve, pick, ship, ...) that must succeed.</summary>
    public Task<OrderView> Act(string orderId, string action, object? body = null) => Post<OrderView>($"/api/orders/{orderId}/{action}", body);

    public Task<PageView<OrderSummaryView>> Orders(string query) => Get<PageView<OrderSummaryView>>($"/api/orders?{query}");

    /// <summary>Waits until the order list (read model) answers <paramref name="query"/> as <paramref name="condition"/> wants.</summary>
    public Task<PageView<OrderSummaryView>> OrdersWhen(string query, Func<PageView<OrderSummaryView>, bool> condition) =>
        Eventually.Until(() => Orders(query), condition);

    /// <summary>
    /// Writes a marker SKU and waits until the read model shows it. The projection follows the storage
    /// change sequence, so every write made before this call is then in the read model too.
    /// </summary>
    public async Task ReadModelCaughtUp()
    {
        var marker = await CreateSku();
        await Eventually.Until(() => Get<PageView<SkuProfileView>>($"/api/skus?search={marker}"), p => p.Total == 1);
    }
}
