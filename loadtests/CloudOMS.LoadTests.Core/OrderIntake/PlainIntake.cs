using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudOMS.LoadTests.Double11;
using CloudOMS.LoadTests.PortalPages;
using CloudOMS.LoadTests.Targets;

namespace CloudOMS.LoadTests.OrderIntake;

/// <summary>The plain order service over HTTP: 201 reserved, 409 short (an answer, not an error), a resend answers the first outcome.</summary>
public sealed class PlainIntake(PlainOrdersProcess service) : IIntakeSystem
{
    public string Name => "plain ASP.NET Core + Npgsql (PostgreSQL)";

    public async Task Stock(IReadOnlyList<string> skus, int units)
    {
        using var response = await service.Http.PostAsJsonAsync("stock", skus.Select(s => new { sku = s, quantity = units }));
        await Answer(response);
    }

    public async Task<Placed> Place(string clientOrderId, long index, IReadOnlyList<Want> lines)
    {
        using var response = await service.Http.PostAsJsonAsync("orders", Body(clientOrderId, index, lines));
        if (response.StatusCode == HttpStatusCode.Conflict) return new Placed(clientOrderId, false);
        var answer = await Answer(response);
        return new Placed(clientOrderId, answer.GetProperty("status").GetString() == "reserved");
    }

    public async Task<StoredOrder?> Read(string clientOrderId, string? orderId, long index, IReadOnlyList<Want> lines)
    {
        using var response = await service.Http.GetAsync($"orders/{Uri.EscapeDataString(clientOrderId)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        var order = await Answer(response);
        return new StoredOrder(clientOrderId, order.GetProperty("status").GetString()!,
            [.. order.GetProperty("lines").EnumerateArray().Select(l => new Want(l.GetProperty("sku").GetString()!, l.GetProperty("quantity").GetInt32()))]);
    }

    public async Task<IReadOnlyList<StoredLevel>> Levels(IReadOnlyList<string> skus)
    {
        using var response = await service.Http.GetAsync("stock");
        var levels = await Answer(response);
        return [.. levels.EnumerateArray().Select(l => new StoredLevel(l.GetProperty("sku").GetString()!, l.GetProperty("onHand").GetInt64(), l.GetProperty("reserved").GetInt64()))];
    }

    public double ServerMemoryMb() => service.ResidentMb();

    /// <summary>The same buyer and prices as CloudOMS is sent.</summary>
    private static object Body(string clientOrderId, long index, IReadOnlyList<Want> lines)
    {
        var customer = index % 50_000;
        return new
        {
            clientOrderId,
            customer = new { name = $"客户{customer:D5}", phone = $"139{customer:D8}", address = $"山东省临沂市兰山区通达路 {customer % 500 + 1} 号" },
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = 59m }),
        };
    }

    private static async Task<JsonElement> Answer(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new ApiRefusal((int)response.StatusCode, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public ValueTask DisposeAsync() => service.DisposeAsync();
}
