using System.Text.Json;

namespace CloudOMS.WebPortal.Tests.Orders;

[Collection(OrdersPortal.Name)]
public sealed class CatalogueTests(PortalFactory portal)
{
    [Fact]
    public async Task Catalogues_list_channels_carriers_and_payment_methods_under_their_own_names()
    {
        using var document = JsonDocument.Parse(await portal.Api.Http.GetStringAsync("/api/catalogues"));
        var root = document.RootElement;

        Assert.Equal(["channels", "carriers", "paymentMethods"], root.EnumerateObject().Select(p => p.Name));
        Assert.Contains("taobao", Codes(root, "channels"));
        Assert.Equal(9, Codes(root, "channels").Count);
        Assert.Contains("SF", Codes(root, "carriers"));
        Assert.Contains("alipay", Codes(root, "paymentMethods"));
    }

    private static List<string?> Codes(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) ? [.. list.EnumerateArray().Select(e => e.GetProperty("code").GetString())] : [];
}
