using Bunit;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Inventory.Pages;
using CloudOMS.WebPortal.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>The SKU picker of the stock forms over the real read model: it finds a SKU by part of its name or by its barcode, and a click takes its code.</summary>
[Collection(StockPortal.Name)]
public sealed class SkuPickerTests : IDisposable
{
    private readonly BunitContext _context = PortalComponents.New();
    private readonly PortalFactory _portal;

    public SkuPickerTests(PortalFactory portal)
    {
        _portal = portal;
        _context.Services.AddSingleton(portal.Services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>());
    }

    [Fact]
    public async Task Typing_part_of_a_name_or_a_barcode_offers_the_sku_and_choosing_it_gives_its_code()
    {
        var (code, barcode, word) = (Unique.Code("PICK"), Unique.Barcode(), "蒙阴蜜桃" + Guid.NewGuid().ToString("N")[..6]);
        await _portal.Api.Post<SkuView>("/api/skus", new SkuBody(code, $"{word} 5斤装", barcode, "箱", 58m, 2.5m, 0), HttpStatusCode.Created);
        await _portal.Api.ReadModelCaughtUp();
        string? chosen = null;
        var picker = _context.Render<SkuPicker>(p => p.Add(c => c.Id, "receive-sku").Add(c => c.TenantId, DemoTenant.Id).Add(c => c.Label, "商品")
            .Add(c => c.ValueChanged, v => chosen = v));

        picker.Find("#receive-sku").Input(word);
        picker.WaitForAssertion(() => Assert.Contains($"{word} 5斤装", picker.Find($"#receive-sku-option-{code}").TextContent));
        Assert.Single(picker.FindAll("#receive-sku-options [role=option]"));

        picker.Find("#receive-sku").Input(barcode[3..]);
        picker.WaitForAssertion(() => Assert.Contains(barcode, picker.Find($"#receive-sku-option-{code}").TextContent));

        picker.Find($"#receive-sku-option-{code}").Click();
        Assert.Equal(code, chosen);
        Assert.Empty(picker.FindAll("#receive-sku-options"));
        Assert.Contains($"{word} 5斤装", picker.Find("#receive-sku-chosen").TextContent);
    }

    [Fact]
    public void Typing_what_no_sku_has_offers_nothing_and_keeps_the_text()
    {
        string? typed = null;
        var picker = _context.Render<SkuPicker>(p => p.Add(c => c.Id, "receive-sku").Add(c => c.TenantId, DemoTenant.Id).Add(c => c.ValueChanged, v => typed = v));

        picker.Find("#receive-sku").Input("没有这种商品" + Guid.NewGuid().ToString("N"));

        picker.WaitForAssertion(() => Assert.StartsWith("没有这种商品", typed));
        Assert.Empty(picker.FindAll("#receive-sku-options"));
    }

    public void Dispose() => _context.Dispose();
}
