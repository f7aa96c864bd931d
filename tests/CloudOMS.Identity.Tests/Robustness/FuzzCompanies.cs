using System.Text.Json;
using CloudOMS.Identity.Tests.Isolation;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// The two companies of the walk: A is the seeded demo tenant with its integration client (every permission); B
/// signs up like any company (<see cref="TenantData"/>) and creates an API client with every permission. Both then
/// create the same SKU codes with names carrying their own marker, stock them and take marked orders.
/// </summary>
public static class FuzzCompanies
{
    /// <summary>A's marker and phone follow from the seed, so a replay sends A the same texts; B's come from its sign-up.</summary>
    public static async Task<(FuzzCompany A, FuzzCompany B)> Create(IdentityPortal portal, FuzzCatalogue catalogue, int seed)
    {
        var random = new Random(seed);
        var a = new FuzzCompany("A", portal.DemoApi, PortalFactory.DemoApiClientId, $"FZA{random.Next():x8}", $"9{random.NextInt64(10_000_000_000_000, 99_999_999_999_999)}");
        var demoOrders = await a.Api.Get<JsonElement>("/api/orders?pageSize=5");
        foreach (var phone in FuzzCompany.Values(demoOrders, "phone")) a.AddDistinctive(phone);
        a.AddDistinctive((await a.Api.Get<JsonElement>("/api/tenant/profile")).GetProperty("name").GetString()!);

        var data = await TenantData.Create(portal, "FZB");
        var client = await data.Admin.Post<NewApiClientView>("/api/api-clients", new ApiClientBody($"{data.Marker} 全权接口", catalogue.Permissions), HttpStatusCode.Created);
        var token = await portal.ClientCredentials(client.ClientId, client.ClientSecret);
        Assert.False(token.IsError, token.Error);
        var b = new FuzzCompany("B", portal.ApiWith(token.AccessToken!), client.ClientId, data.Marker, data.Phone);
        foreach (var value in data.Distinctive.Append(data.Company.Name).Append(data.Company.Slug)) b.AddDistinctive(value);

        (a.Other, b.Other, a.Foreign, b.Foreign) = (b, a, b.Distinctive, a.Distinctive);
        foreach (var company in new[] { a, b }) await Stock(company);
        await b.Api.ReadModelCaughtUp();
        foreach (var company in new[] { a, b }) await company.LearnAll();
        return (a, b);
    }

    /// <summary>A caller without a token, which must see neither company's marker nor phone, and is not sent on to sign in.</summary>
    public static FuzzCompany Anonymous(IdentityPortal portal, FuzzCompany a, FuzzCompany b) =>
        new("anonymous", new OmsClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = portal.Address }), "", "FZN" + Guid.NewGuid().ToString("N")[..10], Unique.Phone())
        {
            Other = a,
            Foreign = [a.Marker, a.Phone, b.Marker, b.Phone],
        };

    /// <summary>Shared SKU codes with this company's names, stock in its first warehouse, and an approved and a pending marked order.</summary>
    private static async Task Stock(FuzzCompany company)
    {
        // The list is the read model's: a warehouse created a moment ago (B's, at sign-up) shows once it is projected.
        var warehouses = await Eventually.Until(() => company.Api.Get<JsonElement>("/api/warehouses"), list => FuzzCompany.Values(list, "code").Any());
        var warehouse = FuzzCompany.Values(warehouses, "code").First();
        var skus = Enumerable.Range(0, 4).Select(ValidValues.SharedSku).ToList();
        foreach (var sku in skus)
        {
            await company.Api.Post<SkuView>("/api/skus", new SkuBody(sku, $"{company.Marker} 商品 {sku}", null, "个", 10m, 0.5m, 1), HttpStatusCode.Created);
            await company.Api.Receive(sku, warehouse, 1_000);
        }
        var customer = new CustomerBody($"{company.Marker} 客户", company.Phone, "山东省", "临沂市", $"{company.Marker} 路 1 号");
        var order = await company.Api.CreateOrder(new OrderBody("manual", null, customer, [NewOrder.Line(skus[0], 2), NewOrder.Line(skus[1], 1)], Note: $"{company.Marker} 备注"));
        await company.Api.Act(order.OrderId, "approve");
        await company.Api.CreateOrder(new OrderBody("taobao", $"FZ-{company.Label}-1", customer, [NewOrder.Line(skus[2], 3)]));
    }
}
