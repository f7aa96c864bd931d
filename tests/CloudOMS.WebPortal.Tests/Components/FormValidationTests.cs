using Bunit;
using Microsoft.Extensions.DependencyInjection;
using CloudOMS.Grains;
using CloudOMS.WebPortal.Components;
using CloudOMS.WebPortal.Inventory;
using CloudOMS.WebPortal.Warehouses;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>The portal's forms show the same validation as the API, next to the field at fault.</summary>
public sealed class FormValidationTests : IDisposable
{
    private readonly BunitContext _context = new();

    public FormValidationTests() => _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");

    [Fact]
    public void A_warehouse_without_name_or_a_bad_priority_shows_both_messages_under_their_fields()
    {
        var errors = WarehouseCommands.Validate(new WarehouseInput("WH1", " ", "山东省", "临沂市", "兰山区", 0)).ToDictionary();

        var name = _context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "name"));
        var priority = _context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "priority"));
        var city = _context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "city"));

        Assert.Contains("请填写仓库名称", name.Find("#error-name").TextContent);
        Assert.Contains("1 最优先", priority.Find("#error-priority").TextContent);
        Assert.Empty(city.Markup.Trim());
    }

    [Fact]
    public void A_sku_with_a_negative_price_and_a_bad_barcode_shows_field_errors()
    {
        var errors = SkuCommands.Validate(new SkuInput("A1", "锤子", "69-12", "把", -1m, 0m, 0)).ToDictionary();

        var price = _context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "price"));
        var barcode = _context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "barcode"));

        Assert.Contains("单价必须在 0 到", price.Find("#error-price").TextContent);
        Assert.Contains("条码只能包含字母和数字", barcode.Find("#error-barcode").TextContent);
    }

    [Fact]
    public void An_order_line_error_is_shown_under_that_line()
    {
        var order = new CloudOMS.Grains.NewOrder("manual", null, new OrderCustomer { Name = "张三", Phone = "138", Province = "山东省", City = "临沂市", Address = "路" },
            [new NewOrderLine("A1", 1, 1m, 0m), new NewOrderLine("A2", 0, 1m, 0m)], 0m, null, false, "t");
        var errors = OrderValidator.Validate(order).ToDictionary();

        var line = _context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "lines[1].quantity"));

        Assert.Contains("数量必须在 1 到", line.Find("#error-lines-1-quantity").TextContent);
        Assert.Empty(_context.Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "lines[0].quantity")).Markup.Trim());
    }

    public void Dispose() => _context.Dispose();
}
