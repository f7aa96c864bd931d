using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudOMS.LoadTests.Cli;
using CloudOMS.LoadTests.Targets;
using Xunit;

namespace CloudOMS.LoadTests.Tests;

/// <summary>
/// The plain order service the order-intake scenario compares CloudOMS against keeps the promises the comparison
/// rests on: all or nothing per order, a resend answers its first outcome and reserves nothing again, bad input and
/// a missing token are refused. Each test starts the service on a fresh database.
/// </summary>
public sealed class PlainOrdersServiceTests : IAsyncLifetime
{
    private ScenarioSetup _setup = null!;
    private PlainOrdersProcess _service = null!;

    private HttpClient Http => _service.Http;

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("CLOUDOMS_TEST_POSTGRES") is { Length: > 0 } s ? ["--postgres", s] : Array.Empty<string>();
        _setup = new ScenarioSetup(Options.Parse(server), "test", TextWriter.Null);
        _service = await PlainOrdersProcess.Start(await _setup.FreshPostgres(), 8, 8, TextWriter.Null);
        using var stocked = await Http.PostAsJsonAsync("stock", new[] { new { sku = "A-1", quantity = 5 }, new { sku = "B-1", quantity = 1 } });
        Assert.Equal(HttpStatusCode.NoContent, stocked.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _setup.DisposeAsync();
    }

    private static object Order(string id, params (string Sku, int Quantity)[] lines) => new
    {
        clientOrderId = id,
        customer = new { name = "客户00001", phone = "13900000001", address = "临沂市兰山区通达路 1 号" },
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = 59m }),
    };

    private async Task<(HttpStatusCode Status, JsonElement Body)> Send(object order)
    {
        using var response = await Http.PostAsJsonAsync("orders", order);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<Dictionary<string, (int OnHand, int Reserved)>> Stock() =>
        (await Http.GetFromJsonAsync<JsonElement>("stock")).EnumerateArray()
            .ToDictionary(l => l.GetProperty("sku").GetString()!, l => (l.GetProperty("onHand").GetInt32(), l.GetProperty("reserved").GetInt32()));

    [Fact]
    public async Task An_order_is_reserved_whole_or_refused_whole_and_a_resend_answers_its_first_outcome()
    {
        var reserved = await Send(Order("P-1", ("B-1", 1), ("A-1", 2)));
        var again = await Send(Order("P-1", ("B-1", 1), ("A-1", 2)));
        var refused = await Send(Order("P-2", ("A-1", 1), ("B-1", 1)));
        var refusedAgain = await Send(Order("P-2", ("A-1", 1), ("B-1", 1)));

        Assert.Equal((HttpStatusCode.Created, "reserved"), (reserved.Status, reserved.Body.GetProperty("status").GetString()));
        Assert.Equal((HttpStatusCode.OK, "reserved"), (again.Status, again.Body.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(["B-1"], refused.Body.GetProperty("shortSkus").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "short"), (refusedAgain.Status, refusedAgain.Body.GetProperty("status").GetString()));
        Assert.Equal(new Dictionary<string, (int, int)> { ["A-1"] = (5, 2), ["B-1"] = (1, 1) }, await Stock());
        Assert.Equal("short", (await Http.GetFromJsonAsync<JsonElement>("orders/P-2")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_fields_and_a_request_without_a_token_is_refused()
    {
        var bad = await Send(Order("", ("A-1", 0), ("A-1", 1)));
        using var anonymous = new HttpClient { BaseAddress = Http.BaseAddress };
        using var unsigned = await anonymous.PostAsJsonAsync("orders", Order("P-3", ("A-1", 1)));

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["clientOrderId", "lines", "lines[0].quantity"], bad.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("orders/P-3")).StatusCode);
    }
}
