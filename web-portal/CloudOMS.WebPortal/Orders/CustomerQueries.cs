using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Orders;

/// <summary>A customer the company has sent an order to: one name, phone and address as an order carried them.</summary>
public sealed record KnownCustomer(string Name, string Phone, string Province, string City, string Address);

/// <summary>
/// The company's customers as its orders know them (there is no customer list of its own): each distinct name, phone
/// and address, latest order first, so a repeat buyer is picked instead of typed again.
/// </summary>
public static class CustomerQueries
{
    /// <summary>
    /// At most <paramref name="limit"/> customers whose name or phone contains <paramref name="text"/>. The database
    /// groups and cuts them, however many orders there are.
    /// </summary>
    /// <param name="scope">When set, only customers of orders allocated to these warehouses, as the order list shows them.</param>
    public static async Task<IReadOnlyList<KnownCustomer>> Search(ReadModelDbContext db, string? text, IReadOnlySet<string>? scope, int limit)
    {
        if (string.IsNullOrWhiteSpace(text) || limit <= 0) return [];
        var typed = text.Trim();
        return await db.Orders
            .Where(o => scope == null || (o.Warehouse != null && scope.Contains(o.Warehouse)))
            .Where(o => o.CustomerName.Contains(typed) || o.Phone.Contains(typed))
            .GroupBy(o => new { o.CustomerName, o.Phone, o.Province, o.City, o.Address })
            .OrderByDescending(g => g.Max(o => o.CreatedAt)).ThenBy(g => g.Key.Phone)
            .Take(limit)
            .Select(g => new KnownCustomer(g.Key.CustomerName, g.Key.Phone, g.Key.Province, g.Key.City, g.Key.Address))
            .ToListAsync();
    }
}
