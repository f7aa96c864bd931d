namespace CloudOMS.Identity.Tests.Isolation;

/// <summary>
/// A sensible body for each write route, written with the caller's own codes and the other
/// company's ids where a body can name them. A route not listed gets an empty object.
/// </summary>
public static class ProbeBodies
{
    public static object For(ApiRoute route, TenantData other) => route.ToString() switch
    {
        "POST /api/orders" => new OrderBody("taobao", TenantData.ChannelOrderNo, new CustomerBody("探针客户", Unique.Phone(), "山东省", "临沂市", "探针路 1 号"),
            [NewOrder.Line(TenantData.Skus[0], 1)]),
        "POST /api/orders/{orderId}/hold" or "POST /api/orders/{orderId}/cancel" => new { reason = "probe" },
        "POST /api/orders/{orderId}/ship" => new { carrier = "SF", trackingNo = Unique.TrackingNo() },
        "POST /api/orders/{orderId}/payments" => new { amount = 1m, method = "cash", reference = "probe" },
        "POST /api/warehouses" => new WarehouseBody("WH-PROBE", "探针仓", "山东省", "临沂市", "探针路 2 号", 5),
        "PUT /api/warehouses/{code}" => new WarehouseBody(null, "探针仓改", "山东省", "济南市", "探针路 3 号", 3),
        "POST /api/skus" => new SkuBody("SKU-PROBE", "探针商品", null, "个", 1m, 0.1m, 0),
        "PUT /api/skus/{code}" => new SkuBody(null, "探针商品改", null, "箱", 2m, 0.2m, 2),
        "POST /api/stock/receive" or "POST /api/stock/adjust" or "POST /api/stock/safety" =>
            new StockMoveBody(TenantData.Skus[0], TenantData.Warehouses[0], 1, "probe"),
        "POST /api/stock/transfer" => new StockMoveBody(TenantData.Skus[0], TenantData.Warehouses[0], 1, "probe", TenantData.Warehouses[1]),
        "POST /api/roles" or "PUT /api/roles/{roleId}" => new { name = "探针角色", permissions = new[] { "orders.view" }, warehouses = Array.Empty<string>() },
        "PUT /api/users/{userId}/roles" => new { roleIds = other.RoleIds },
        "POST /api/users/invitations" => new InviteBody(Companies.NewEmail("probe"), other.RoleIds),
        "POST /api/api-clients" => new ApiClientBody("探针接口", ["orders.view"]),
        "PUT /api/tenant/security" => new { requireTwoFactor = false },
        "PUT /api/tenant/order-review" => new { autoApprove = false },
        "PUT /api/tenant/profile" => new { name = "探针公司", contactName = "探针", taxId = "91371302MA3CL8K2XE" },
        "POST /api/me/2fa/enable" => new { code = "000000" },
        "POST /api/signup" => Companies.NewSignup() with { Slug = other.Company.Slug },
        _ => new { },
    };
}
