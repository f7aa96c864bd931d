using CloudOMS.Grains;
using CloudOMS.WebPortal.Orders;

namespace CloudOMS.WebPortal.Tests.Orders;

/// <summary>A pick list names each SKU once per warehouse, with its total, sorted so the picker walks the shelves once.</summary>
public sealed class PickListTests
{
    [Fact]
    public void Lines_are_grouped_per_warehouse_then_sku_sorted_by_code_with_totals_and_their_orders()
    {
        var orders = new[]
        {
            Order("SO3", "JN-01", "王五", ("B-2", 1)),
            Order("SO1", "LY-MAIN", "张三", ("B-2", 2), ("A-1", 1)),
            Order("SO2", "LY-MAIN", "李四", ("B-2", 3), ("B-2", 1)),
        };

        var sections = PickList.Build(orders, new Dictionary<string, string?> { ["B-2"] = "6901234567892" },
            new Dictionary<string, string> { ["LY-MAIN"] = "临沂总仓" });

        Assert.Equal(["JN-01", "LY-MAIN"], sections.Select(s => s.Warehouse));
        var main = sections[1];
        Assert.Equal("临沂总仓", main.WarehouseName);
        Assert.Equal(["A-1", "B-2"], main.Skus.Select(s => s.SkuCode));
        var b2 = main.Skus[1];
        Assert.Equal(6, b2.Quantity);
        Assert.Equal("6901234567892", b2.Barcode);
        Assert.Equal([("SO1", "张三", 2), ("SO2", "李四", 4)], b2.Orders.Select(o => (o.OrderId, o.Customer, o.Quantity)));
        Assert.Equal(7, main.Quantity);
        Assert.Equal("JN-01", sections[0].WarehouseName);
    }

    [Fact]
    public void Order_numbers_from_the_link_are_split_trimmed_and_deduplicated()
    {
        Assert.Equal(["SO1", "SO2"], PickList.ParseIds(" SO1, SO2,,SO1 "));
        Assert.Empty(PickList.ParseIds(null));
    }

    private static OrderSnapshot Order(string id, string warehouse, string customer, params (string Sku, int Quantity)[] lines) => new(
        id, OrderStatus.Approved, PaymentStatus.Unpaid, "manual", null, new CustomerInfo(customer, "", "", "", ""),
        [.. lines.Select((l, i) => new OrderLineInfo(i + 1, l.Sku, "商品 " + l.Sku, l.Quantity, 0m, 0m))],
        0m, null, "CNY", warehouse, StockHold.Reserved, false, null, [], [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
