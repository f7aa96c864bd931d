using Bunit;
using CloudOMS.Grains;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Inventory.Pages;
using CloudOMS.WebPortal.Warehouses.Pages;
using CloudOMS.WebPortal.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>
/// The SKU and warehouse edit forms, rendered alone over the real grains of a running portal: bad input shows
/// the API's Chinese messages under the fields and changes nothing; good input is saved.
/// </summary>
[Collection(StockPortal.Name)]
public sealed class EditFormTests : IDisposable
{
    private readonly BunitContext _context = PortalComponents.New();
    private readonly PortalFactory _portal;
    private readonly IGrainFactory _grains;

    public EditFormTests(PortalFactory portal)
    {
        _portal = portal;
        _grains = portal.Services.GetRequiredService<IGrainFactory>();
        _context.Services.AddSingleton(_grains);
    }

    [Fact]
    public async Task The_sku_form_shows_chinese_field_errors_for_a_blank_name_and_a_negative_price_and_saves_nothing()
    {
        var code = await _portal.Api.CreateSku(price: 10m);
        var form = _context.Render<SkuEditForm>(p => p.Add(c => c.TenantId, DemoTenant.Id).Add(c => c.Sku, Row(code)));

        form.Find("#sku-edit-name").Change(" ");
        form.Find("#sku-edit-price input").Change("-1");
        form.Find("#save-sku-edit").Click();

        form.WaitForAssertion(() => Assert.Contains("请填写商品名称", form.Find("#error-name").TextContent));
        Assert.Contains("单价必须在 0 到", form.Find("#error-price").TextContent);
        Assert.Empty(form.FindAll("#error-unit"));
        var stored = (await _grains.Sku(DemoTenant.Id, code).Get())!.Profile;
        Assert.Equal(($"测试商品 {code}", 10m), (stored.Name, stored.Price));
    }

    [Fact]
    public async Task The_sku_form_saves_everything_but_the_code_and_keeps_the_weight()
    {
        var code = await _portal.Api.CreateSku(price: 10m);
        SkuSnapshot? saved = null;
        var form = _context.Render<SkuEditForm>(p => p.Add(c => c.TenantId, DemoTenant.Id).Add(c => c.Sku, Row(code)).Add(c => c.Saved, s => saved = s));

        form.Find("#sku-edit-name").Change("临沂煎饼 1kg");
        form.Find("#sku-edit-price input").Change("12.5");
        form.Find("#save-sku-edit").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = (await _grains.Sku(DemoTenant.Id, code).Get())!.Profile;
        Assert.Equal((code, "临沂煎饼 1kg", 12.5m, 0.5m), (stored.Code, stored.Name, stored.Price, stored.WeightKg));
    }

    [Fact]
    public async Task The_sku_form_refuses_a_barcode_another_sku_of_the_company_has_under_the_barcode_field()
    {
        var barcode = Unique.Barcode();
        var holder = Unique.Code("SKU");
        await _portal.Api.Post<SkuView>("/api/skus", new SkuBody(holder, "临沂煎饼 1kg", barcode, "袋", 12m, 1m, 0), HttpStatusCode.Created);
        var code = await _portal.Api.CreateSku();
        var form = _context.Render<SkuEditForm>(p => p.Add(c => c.TenantId, DemoTenant.Id).Add(c => c.Sku, Row(code)));

        form.Find("#sku-edit-barcode").Change(barcode);
        form.Find("#save-sku-edit").Click();

        form.WaitForAssertion(() => Assert.Contains($"条码已被商品 {holder}（临沂煎饼 1kg）使用", form.Find("#error-barcode").TextContent));
        Assert.Null((await _grains.Sku(DemoTenant.Id, code).Get())!.Profile.Barcode);
    }

    [Fact]
    public async Task The_warehouse_form_shows_chinese_field_errors_for_a_blank_name_and_priority_zero_and_saves_nothing()
    {
        var code = await _portal.Api.CreateWarehouse(priority: 700);
        var form = RenderWarehouseForm(code, sees: _ => true);

        form.Find("#wh-edit-name").Change("");
        form.Find("#wh-edit-priority input").Change("0");
        form.Find("#save-warehouse-edit").Click();

        form.WaitForAssertion(() => Assert.Contains("请填写仓库名称", form.Find("#error-name").TextContent));
        Assert.Contains("1 最优先", form.Find("#error-priority").TextContent);
        var stored = (await _grains.Warehouse(DemoTenant.Id, code).Get())!;
        Assert.Equal(("测试仓", 700), (stored.Name, stored.Priority));
    }

    [Fact]
    public async Task The_warehouse_form_refuses_a_warehouse_outside_the_users_scope_and_saves_one_inside()
    {
        var code = await _portal.Api.CreateWarehouse(priority: 700);
        var outside = RenderWarehouseForm(code, sees: c => c == OmsClient.MainWarehouse);
        outside.Find("#wh-edit-name").Change("越权修改");
        outside.Find("#save-warehouse-edit").Click();
        outside.WaitForAssertion(() => Assert.Contains("不存在", outside.Find("#error-form").TextContent));
        Assert.Equal("测试仓", (await _grains.Warehouse(DemoTenant.Id, code).Get())!.Name);

        WarehouseInfo? saved = null;
        var inside = RenderWarehouseForm(code, sees: _ => true, w => saved = w);
        inside.Find("#wh-edit-name").Change("罗庄前置仓");
        inside.Find("#wh-edit-priority input").Change("5");
        inside.Find("#save-warehouse-edit").Click();

        inside.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = (await _grains.Warehouse(DemoTenant.Id, code).Get())!;
        Assert.Equal(("罗庄前置仓", 5, "兰山区测试路 1 号"), (stored.Name, stored.Priority, stored.Address));
        Assert.Empty(inside.FindAll("#error-form"));
    }

    private IRenderedComponent<WarehouseEditForm> RenderWarehouseForm(string code, Func<string, bool> sees, Action<WarehouseInfo>? saved = null) =>
        _context.Render<WarehouseEditForm>(p => p.Add(c => c.TenantId, DemoTenant.Id).Add(c => c.Sees, sees).Add(c => c.Saved, saved ?? (_ => { }))
            .Add(c => c.Warehouse, new WarehouseRow { TenantId = DemoTenant.Id, Code = code, Name = "测试仓", Province = "山东省", City = "临沂市", Address = "兰山区测试路 1 号", Priority = 700, Active = true }));

    private static SkuRow Row(string code) =>
        new() { TenantId = DemoTenant.Id, Code = code, Name = $"测试商品 {code}", Unit = "个", Price = 10m, WeightKg = 0.5m, SafetyStock = 0, Active = true };

    public void Dispose() => _context.Dispose();
}
