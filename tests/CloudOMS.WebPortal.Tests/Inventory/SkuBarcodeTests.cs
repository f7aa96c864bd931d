using CloudOMS.Grains;
using CloudOMS.WebPortal.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.WebPortal.Tests.Inventory;

/// <summary>
/// A barcode belongs to one SKU of a company: creating or editing another SKU with it is a 400 on the barcode field,
/// naming the SKU that has it, in the caller's language; another company may use the same barcode; of two creates
/// with one barcode at the same moment only one succeeds.
/// </summary>
[Collection(StockPortal.Name)]
public sealed class SkuBarcodeTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    private static SkuBody Body(string code, string? barcode) => new(code, $"沂蒙小米 {code}", barcode, "袋", 32.00m, 2.55m, 0);

    [Fact]
    public async Task A_second_sku_with_a_barcode_the_company_already_uses_is_refused_naming_the_first_in_chinese_and_english()
    {
        var barcode = Unique.Barcode();
        var first = Unique.Code("SKU");
        await _api.Post<SkuView>("/api/skus", Body(first, barcode), HttpStatusCode.Created);
        var second = Unique.Code("SKU");

        var chinese = await OmsClient.FieldError(await Send(HttpMethod.Post, "/api/skus", Body(second, barcode), "zh-CN"), "barcode");
        var english = await OmsClient.FieldError(await Send(HttpMethod.Post, "/api/skus", Body(second, barcode), "en"), "barcode");

        Assert.Equal($"条码已被商品 {first}（沂蒙小米 {first}）使用", chinese.Errors!["barcode"][0]);
        Assert.Equal($"The barcode is already used by SKU {first} (沂蒙小米 {first})", english.Errors!["barcode"][0]);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/skus/{second}")).StatusCode);
    }

    [Fact]
    public async Task Editing_a_sku_to_another_skus_barcode_is_refused_and_a_barcode_given_up_is_free_again()
    {
        var (barcode, other) = (Unique.Barcode(), Unique.Barcode());
        var first = Unique.Code("SKU");
        await _api.Post<SkuView>("/api/skus", Body(first, barcode), HttpStatusCode.Created);
        var second = await _api.CreateSku();

        await OmsClient.FieldError(await Send(HttpMethod.Put, $"/api/skus/{second}", Body(second, barcode), "zh-CN"), "barcode");
        Assert.Null((await _api.Get<SkuView>($"/api/skus/{second}")).Profile.Barcode);
        // Saving a SKU with the barcode it already has is no conflict.
        Assert.Equal(barcode, (await OmsClient.Read<SkuView>(await Send(HttpMethod.Put, $"/api/skus/{first}", Body(first, barcode), "zh-CN"), HttpStatusCode.OK)).Profile.Barcode);

        await OmsClient.Read<SkuView>(await Send(HttpMethod.Put, $"/api/skus/{first}", Body(first, other), "zh-CN"), HttpStatusCode.OK);
        var moved = await OmsClient.Read<SkuView>(await Send(HttpMethod.Put, $"/api/skus/{second}", Body(second, barcode), "zh-CN"), HttpStatusCode.OK);
        Assert.Equal(barcode, moved.Profile.Barcode);
    }

    [Fact]
    public async Task Another_company_may_use_the_same_barcode()
    {
        var barcode = Unique.Barcode();
        var code = Unique.Code("SKU");
        await _api.Post<SkuView>("/api/skus", Body(code, barcode), HttpStatusCode.Created);
        var grains = portal.Services.GetRequiredService<IGrainFactory>();
        var other = "bc" + Guid.NewGuid().ToString("N")[..10];
        await grains.Tenant(other).Create(new TenantProfile(other, "河东百货", "trial", DateTimeOffset.UtcNow));

        var theirs = await grains.Sku(other, code).Define(new SkuProfile(code, "河东的小米", barcode, "袋", 30m, 2.5m, 0), isNew: true);

        Assert.Equal(barcode, theirs.Profile.Barcode);
        Assert.Equal(barcode, (await _api.Get<SkuView>($"/api/skus/{code}")).Profile.Barcode);
    }

    [Fact]
    public async Task Of_eight_skus_created_at_once_with_one_barcode_exactly_one_gets_it()
    {
        var barcode = Unique.Barcode();
        var codes = Enumerable.Range(0, 8).Select(_ => Unique.Code("SKU")).ToList();

        var answers = await Task.WhenAll(codes.Select(code => _api.Post("/api/skus", Body(code, barcode))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.BadRequest))
            Assert.StartsWith("条码已被商品", (await OmsClient.FieldError(refused, "barcode")).Errors!["barcode"][0]);
        var holders = await Task.WhenAll(codes.Select(code => _api.Get($"/api/skus/{code}")));
        Assert.Equal(1, holders.Count(h => h.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_barcode_a_sku_carried_before_the_barcode_index_existed_is_refused_to_a_new_sku()
    {
        var barcode = Unique.Barcode();
        var old = await _api.CreateSku();
        // The SKU as an earlier version left it: the barcode in its stored profile, no claim in the barcode index.
        var key = GrainKeys.Sku(DemoTenant.Id, old);
        var stored = await StoredStates.Read(portal, StorageNames.Sku, key);
        stored["profile"]!["barcode"] = barcode;
        await StoredStates.Overwrite(portal, StorageNames.Sku, key, stored);
        await Eventually.Until(() => _api.Get<PageView<SkuRowView>>($"/api/skus?search={barcode}"), p => p.Items.Any(s => s.Code == old));
        var second = Unique.Code("SKU");

        var refused = await OmsClient.FieldError(await Send(HttpMethod.Post, "/api/skus", Body(second, barcode), "zh-CN"), "barcode");

        Assert.StartsWith($"条码已被商品 {old}（", refused.Errors!["barcode"][0]);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/skus/{second}")).StatusCode);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, SkuBody body, string language)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: OmsClient.Json) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await _api.Http.SendAsync(request);
    }
}
