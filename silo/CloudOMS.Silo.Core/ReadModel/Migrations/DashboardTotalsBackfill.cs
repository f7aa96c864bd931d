namespace CloudOMS.Silo.ReadModel.Migrations;

/// <summary>
/// Fills the dashboard totals of migration DashboardTotals from the order and line rows already in the read model,
/// once, in the migration's transaction; from then on every save keeps them (<see cref="TotalsDelta"/>). The same
/// SQL on SQLite and PostgreSQL. Frozen with the migration: sales exclude Cancelled, Draft and Rejected orders and
/// on time is within 1,440 minutes, as <see cref="SalesRules"/> said when it was written.
/// </summary>
internal static class DashboardTotalsBackfill
{
    /// <param name="schema">The read model's quoted schema and a dot, or "" where it has none.</param>
    public static string[] Statements(string schema)
    {
        const string sales = "\"Status\" NOT IN ('Cancelled', 'Draft', 'Rejected')";
        return
        [
            $"""
            INSERT INTO {schema}"OrderDayTotals" ("TenantId", "Day", "Status", "Channel", "Warehouse", "Orders", "SalesCents", "Shipped", "ProcessingMinutes", "OnTime")
            SELECT "TenantId", "CreatedOn", "Status", "Channel", COALESCE("Warehouse", ''), COUNT(*), SUM(CAST(ROUND("Total" * 100) AS BIGINT)),
                   COUNT("ProcessingMinutes"), COALESCE(SUM("ProcessingMinutes"), 0), COUNT(CASE WHEN "ProcessingMinutes" <= 1440 THEN 1 END)
            FROM {schema}"Orders" GROUP BY "TenantId", "CreatedOn", "Status", "Channel", COALESCE("Warehouse", '')
            """,
            $"""
            INSERT INTO {schema}"SkuDayTotals" ("TenantId", "Day", "Status", "Warehouse", "SkuCode", "Lines", "Quantity")
            SELECT "TenantId", "CreatedOn", "Status", COALESCE("Warehouse", ''), "SkuCode", COUNT(*), SUM("Quantity")
            FROM {schema}"OrderLines" GROUP BY "TenantId", "CreatedOn", "Status", COALESCE("Warehouse", ''), "SkuCode"
            """,
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
}
