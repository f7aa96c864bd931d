namespace CloudOMS.Silo.ReadModel.Migrations;

/// <summary>
/// Counts the customers' sale days again from the order rows when the rule of what is a sale changes (migration
/// SalesOnceApproved): <see cref="CustomerDayRow"/> and <see cref="CustomerRecencyRow"/> hold sales only, chosen as
/// each order was saved, so rows kept under the old rule are wrong under the new. The order and SKU day totals keep
/// every status and warehouse apart and need nothing: the queries choose. The same SQL on SQLite and PostgreSQL,
/// frozen with the migration: Up counts orders approved or later, and held orders with a warehouse (held after
/// approval, so still holding their stock), as <see cref="SalesRules"/> said when it was written; Down counts every
/// order but cancelled, draft and rejected ones, the rule before it.
/// </summary>
internal static class SalesOnceApprovedRecount
{
    public const string ApprovedOrLater =
        "(\"Status\" IN ('Approved', 'Picking', 'Shipped', 'Delivered', 'Completed', 'AfterSale') OR (\"Status\" = 'OnHold' AND \"Warehouse\" IS NOT NULL))";

    public const string NotCancelledDraftOrRejected = "\"Status\" NOT IN ('Cancelled', 'Draft', 'Rejected')";

    /// <param name="schema">The read model's quoted schema and a dot, or "" where it has none.</param>
    /// <param name="sales">The SQL condition on an order row that makes it a sale.</param>
    public static string[] Statements(string schema, string sales) =>
    [
        $"""DELETE FROM {schema}"CustomerRecency" """,
        $"""DELETE FROM {schema}"CustomerDays" """,
        $"""
        INSERT INTO {schema}"CustomerDays" ("TenantId", "Phone", "Scope", "Day", "Orders")
        SELECT "TenantId", "Phone", '', "CreatedOn", COUNT(*) FROM {schema}"Orders" WHERE {sales}
        GROUP BY "TenantId", "Phone", "CreatedOn"
        UNION ALL
        SELECT "TenantId", "Phone", "Warehouse", "CreatedOn", COUNT(*) FROM {schema}"Orders" WHERE {sales} AND "Warehouse" IS NOT NULL
        GROUP BY "TenantId", "Phone", "Warehouse", "CreatedOn"
        """,
        $"""
        INSERT INTO {schema}"CustomerRecency" ("TenantId", "Phone", "Scope", "LastDay", "PreviousDay")
        SELECT "TenantId", "Phone", "Scope", MAX(CASE WHEN n = 1 THEN "Day" END), MAX(CASE WHEN n = 2 OR "Orders" > 1 THEN "Day" END)
        FROM (SELECT "TenantId", "Phone", "Scope", "Day", "Orders",
                     ROW_NUMBER() OVER (PARTITION BY "TenantId", "Phone", "Scope" ORDER BY "Day" DESC) AS n
              FROM {schema}"CustomerDays") AS ranked
        WHERE n <= 2 GROUP BY "TenantId", "Phone", "Scope"
        """,
    ];
}
