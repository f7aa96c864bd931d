using System.Globalization;
using System.Text.Json;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// The dashboard's sales of the last 7 days against the orders list of the same days: both read the read model, so
/// after any walk they must agree to the cent. Orders at the limits make the largest totals a client can ask for;
/// a sum that does not fit shows here even where the database does not refuse it.
/// </summary>
public static class DashboardSales
{
    private const int Days = 7;
    // Sales are the orders approved (stock reserved) or later, and held orders that were approved (have a warehouse).
    private static readonly string[] SaleStatuses = ["Approved", "Picking", "Shipped", "Delivered", "Completed", "AfterSale"];

    /// <summary>Null when they agree, else what each said.</summary>
    public static async Task<string?> Disagreement(FuzzCompany company)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = await Sales(company);
            var orders = await OrdersTotal(company);
            // The projection may apply a batch between the two reads; the dashboard read again says whether it did.
            if (before == await Sales(company) || attempt == 2)
                return before == orders.Total ? null
                    : $"{company.Label}: GET /api/reports/dashboard?days={Days} says sales {before:N2}; the {orders.Count} sales of GET /api/orders for the same days add up to {orders.Total:N2}";
        }
    }

    private static bool IsSale(JsonElement order) => order.GetProperty("status").GetString() is { } status
        && (SaleStatuses.Contains(status) || (status == "OnHold" && order.GetProperty("warehouse").ValueKind == JsonValueKind.String));

    private static async Task<decimal> Sales(FuzzCompany company) =>
        (await company.Api.Get<JsonElement>($"/api/reports/dashboard?days={Days}")).GetProperty("kpis").GetProperty("sales").GetDecimal();

    private static async Task<(int Count, decimal Total)> OrdersTotal(FuzzCompany company)
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var range = $"from={today.AddDays(1 - Days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var (count, total) = (0, 0m);
        for (var page = 1; ; page++)
        {
            var list = await company.Api.Get<JsonElement>($"/api/orders?{range}&pageSize=200&page={page}");
            var items = list.GetProperty("items").EnumerateArray().ToList();
            foreach (var order in items.Where(IsSale))
                (count, total) = (count + 1, total + order.GetProperty("total").GetDecimal());
            if (items.Count < 200 || page * 200 >= list.GetProperty("total").GetInt32()) return (count, total);
        }
    }
}
