using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CloudOMS.Grains.Tests.ReadModel;

/// <summary>A read model made before the dashboard totals gets them filled from its rows when it is upgraded.</summary>
public sealed class TotalsMigrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] Statuses = Enum.GetNames<OrderStatus>();
    private static readonly string?[] Warehouses = [null, "W1", "W2"];

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_read_model_fills_the_totals_once_from_the_orders_already_in_it(StorageProvider provider)
    {
        await using var readModel = await TestReadModel.Create(provider);
        await using (var db = readModel.Context())
        {
            db.Orders.AddRange(Enumerable.Range(0, 60).Select(Order));
            await db.SaveChangesAsync();
        }
        await using (var db = readModel.Context())
        {
            // Some orders move on, so the totals kept by saves hold rows that went back to zero.
            foreach (var order in await db.Orders.Include(o => o.Lines).Where(o => o.Status == "PendingReview" || o.Status == "Approved").ToListAsync())
            {
                (order.Status, order.Warehouse) = (order.Status == "Approved" ? "Cancelled" : "Approved", "W2");
                order.StampLines();
            }
            await db.SaveChangesAsync();
            await TotalsRecount.AssertMatchesRows(db);
        }

        await using (var db = readModel.Context())
        {
            // Back to the schema before the totals (their tables dropped), then up again.
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().First());
            Assert.Single(await db.Database.GetAppliedMigrationsAsync());
            await migrator.MigrateAsync();
        }

        await using (var db = readModel.Context())
        {
            await TotalsRecount.AssertMatchesRows(db);
            Assert.True(await db.CustomerRecency.IgnoreQueryFilters().AnyAsync(c => c.PreviousDay != null), "some customer bought twice");
        }
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_recounts_the_customers_sale_days_so_orders_awaiting_review_no_longer_count(StorageProvider provider)
    {
        await using var readModel = await TestReadModel.Create(provider);
        await using (var db = readModel.Context())
        {
            db.Orders.AddRange(Enumerable.Range(0, 60).Select(Order));
            await db.SaveChangesAsync();
        }
        await using (var db = readModel.Context())
        {
            // Back to before the rule changed: the customers' days counted every order but cancelled, draft and rejected ones.
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_SalesOnceApproved", StringComparison.Ordinal)) - 1]);
            var oldRule = await db.Orders.IgnoreQueryFilters().CountAsync(o => o.Status != "Cancelled" && o.Status != "Draft" && o.Status != "Rejected");
            Assert.Equal(oldRule, await db.CustomerDays.IgnoreQueryFilters().Where(c => c.Scope == "").SumAsync(c => c.Orders));
            await migrator.MigrateAsync();
        }

        await using (var db = readModel.Context())
        {
            await TotalsRecount.AssertMatchesRows(db);
            var sales = (await db.Orders.IgnoreQueryFilters().ToListAsync()).Count(TotalsRecount.IsSale);
            Assert.Equal(sales, await db.CustomerDays.IgnoreQueryFilters().Where(c => c.Scope == "").SumAsync(c => c.Orders));
            Assert.True(await db.Orders.IgnoreQueryFilters().AnyAsync(o => o.Status == "PendingReview"), "some orders await review");
        }
    }

    private static OrderRow Order(int n)
    {
        var id = $"SO-{n}";
        var row = new OrderRow
        {
            TenantId = n % 5 == 0 ? "t2" : "t1", OrderId = id, Status = Statuses[n % Statuses.Length], Channel = n % 2 == 0 ? "taobao" : "jd",
            Phone = $"1390000000{n % 7}", Warehouse = Warehouses[n % 3], Total = 10.05m * n, Version = 1,
            Lines = [.. Enumerable.Range(1, 1 + n % 3).Select(i => new OrderLineRow { TenantId = n % 5 == 0 ? "t2" : "t1", OrderId = id, LineNo = i, SkuCode = $"S{(n + i) % 4}", Quantity = i + n % 4 })],
        };
        row.SetTimes(Now.AddDays(-(n % 4)).AddMinutes(-n), n % 3 == 0 ? Now.AddMinutes(n * 37 % 3000) : null);
        row.StampLines();
        return row;
    }
}
