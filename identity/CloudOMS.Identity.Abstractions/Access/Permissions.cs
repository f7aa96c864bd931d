namespace CloudOMS.Identity.Access;

/// <summary>The fixed permission catalogue. Roles are tenant-defined sets of these codes.</summary>
public static class Permissions
{
    public const string OrdersView = "orders.view";
    public const string OrdersEdit = "orders.edit";
    public const string OrdersReview = "orders.review";
    public const string OrdersShip = "orders.ship";
    public const string OrdersCancel = "orders.cancel";
    public const string InventoryView = "inventory.view";
    public const string InventoryAdjust = "inventory.adjust";
    public const string WarehousesManage = "warehouses.manage";
    public const string SkusManage = "skus.manage";
    public const string ReportsView = "reports.view";
    public const string FinanceView = "finance.view";
    public const string FinanceEdit = "finance.edit";
    public const string UsersManage = "users.manage";
    public const string RolesManage = "roles.manage";
    public const string BillingManage = "billing.manage";
    public const string ApiManage = "api.manage";
    public const string AuditView = "audit.view";

    public sealed record Entry(string Code, string NameZh, string NameEn);

    public static readonly IReadOnlyList<Entry> All =
    [
        new(OrdersView, "查看订单", "View orders"),
        new(OrdersEdit, "创建/编辑订单", "Create and edit orders"),
        new(OrdersReview, "审核订单", "Review orders"),
        new(OrdersShip, "拣货/发货", "Pick and ship"),
        new(OrdersCancel, "取消/挂起订单", "Cancel and hold orders"),
        new(InventoryView, "查看库存", "View stock"),
        new(InventoryAdjust, "入库/调整/调拨", "Receive, adjust, transfer stock"),
        new(WarehousesManage, "管理仓库", "Manage warehouses"),
        new(SkusManage, "管理商品", "Manage SKUs"),
        new(ReportsView, "查看报表", "View reports"),
        new(FinanceView, "查看财务", "View finance"),
        new(FinanceEdit, "登记收款", "Record payments"),
        new(UsersManage, "管理成员", "Manage users"),
        new(RolesManage, "管理角色", "Manage roles"),
        new(BillingManage, "管理订阅", "Manage billing"),
        new(ApiManage, "管理开放接口", "Manage API clients"),
        new(AuditView, "查看审计日志", "View audit log"),
    ];

    public static bool IsKnown(string code) => All.Any(p => p.Code == code);

    /// <summary>Roles every new tenant starts with; admins may edit or delete them like any other.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Permissions)> Templates =
    [
        ("管理员", [.. All.Select(p => p.Code)]),
        ("销售", [OrdersView, OrdersEdit, OrdersCancel, InventoryView, ReportsView]),
        ("仓储", [OrdersView, OrdersShip, InventoryView, InventoryAdjust]),
        ("生产/采购", [InventoryView, InventoryAdjust, SkusManage, ReportsView]),
        ("财务", [OrdersView, FinanceView, FinanceEdit, ReportsView]),
        ("客服", [OrdersView, OrdersEdit, OrdersCancel, InventoryView]),
        ("管理层", [OrdersView, OrdersReview, InventoryView, ReportsView, FinanceView, AuditView]),
    ];

    public const string AdminRole = "管理员";
}
