using CloudOMS.Grains;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Tests.Dashboard;

/// <summary>
/// The dashboard counted from the totals gives the same figures as counting the order rows, for random tenants
/// whose orders were created, changed (status, warehouse, customer, lines, shipping) and removed, over any period
/// and warehouse scope. On the database of the test round (PortalFactory.OnPostgres).
/// </summary>
public sealed class DashboardTotalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] Statuses = Enum.GetNames<OrderStatus>();
    private static readonly string?[] Warehouses = [null, "W1", "W2", "W3"];
    private static readonly IReadOnlySet<string>?[] Scopes = [null, new HashSet<string> { "W1" }, new HashSet<string> { "W1", "W2" }, new HashSet<string> { "W9" }];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Totals_give_the_figures_of_counting_the_orders_for_any_period_and_scope(int seed)
    {
        var random = new Random(seed);
        await using var readModel = await TestReadModel.Create(PortalFactory.OnPostgres ? StorageProvider.Postgres : StorageProvider.Sqlite);
        for (var batch = 0; batch < 4; batch++)
        {
            await using var db = readModel.Context();
            db.Orders.AddRange(Enumerable.Range(batch * 100, 100).Select(n => NewOrder(random, n)));
            await db.SaveChangesAsync();
        }
        for (var round = 0; round < 3; round++)
        {
            await using var db = readModel.Context();
            var ids = Enumerable.Range(0, 60).Select(_ => $"SO-{random.Next(400)}").ToHashSet();
            foreach (var order in await db.Orders.IgnoreQueryFilters().Include(o => o.Lines).Where(o => ids.Contains(o.OrderId)).ToListAsync())
                Change(random, db, order);
            await db.SaveChangesAsync();
        }

        await using var tenant = readModel.Context();
        tenant.TenantId = "t1";
        foreach (var days in new[] { 1, 7, 30, 90 })
        foreach (var scope in Scopes)
        {
            var first = DateOnly.FromDateTime(Now.DateTime).AddDays(1 - days);
            var expected = await OrderRowCount.Count(tenant, first, scope);
            var actual = await DashboardQueries.Count(tenant, first, scope);
            if (days > 1 && scope?.Contains("W9") != true) Assert.NotEmpty(expected.Groups); // the comparison is not of nothing
            Assert.Equal(expected.Groups.OrderBy(g => (g.Day, g.Status, g.Channel)), actual.Groups.OrderBy(g => (g.Day, g.Status, g.Channel)));
            Assert.Equal((expected.Customers, expected.Returning), (actual.Customers, actual.Returning));
            Assert.Equal(expected.BySku.OrderBy(s => s.Code), actual.BySku.OrderBy(s => s.Code));
        }
    }

    private static OrderRow NewOrder(Random random, int n)
    {
        var tenant = n % 10 == 0 ? "t2" : "t1";
        var order = new OrderRow { TenantId = tenant, OrderId = $"SO-{n}", Channel = random.GetItems(["taobao", "jd", "douyin"], 1)[0], Version = 1 };
        order.SetTimes(Now.AddDays(-random.Next(100)).AddMinutes(-random.Next(1_440)), null);
        Fill(random, order);
        return order;
    }

    private static void Change(Random random, ReadModelDbContext db, OrderRow order)
    {
        if (random.Next(8) == 0)
        {
            db.Orders.Remove(order);
            return;
        }
        if (random.Next(3) == 0) order.Lines.RemoveAt(random.Next(order.Lines.Count));
        Fill(random, order);
    }

    /// <summary>Draws the order's status, warehouse, customer, shipping time and line quantities; adds a line to an order without one.</summary>
    private static void Fill(Random random, OrderRow order)
    {
        order.Status = Statuses[random.Next(Statuses.Length)];
        order.Warehouse = Warehouses[random.Next(Warehouses.Length)];
        order.Phone = $"1390000{random.Next(40):D4}";
        order.SetTimes(order.CreatedAt, random.Next(2) == 0 ? null : order.CreatedAt.AddMinutes(random.Next(3_000)));
        while (order.Lines.Count < 1 + random.Next(3))
        {
            var lineNo = order.Lines.Count == 0 ? 1 : order.Lines.Max(l => l.LineNo) + 1;
            order.Lines.Add(new OrderLineRow { TenantId = order.TenantId, OrderId = order.OrderId, LineNo = lineNo, SkuCode = $"S{random.Next(8)}" });
        }
        foreach (var line in order.Lines)
        {
            line.Quantity = 1 + random.Next(5);
            line.UnitPrice = random.Next(1, 100_000) / 100m;
            line.Amount = line.Quantity * line.UnitPrice;
        }
        order.Total = order.Lines.Sum(l => l.Amount) + (random.Next(2) == 0 ? 0m : 8m);
        order.StampLines();
    }
}
