namespace CloudOMS.WebPortal.Testing;

/// <summary>Valid order bodies; tests change one thing with <c>with</c> to make them invalid.</summary>
public static class NewOrder
{
    public static CustomerBody Customer(string? phone = null) =>
        new("测试客户", phone ?? Unique.Phone(), "山东省", "临沂市", "兰山区通达路 168 号");

    public static LineBody Line(string sku, int quantity, decimal unitPrice = 10m, decimal discount = 0m) => new(sku, quantity, unitPrice, discount);

    public static OrderBody For(params LineBody[] lines) => new("manual", null, Customer(), lines);

    public static OrderBody For(string phone, params LineBody[] lines) => new("manual", null, Customer(phone), lines);
}
