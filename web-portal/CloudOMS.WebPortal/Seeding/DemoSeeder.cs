using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Subscriptions;
using CloudOMS.Grains;
using CloudOMS.Silo.Operations;
using CloudOMS.WebPortal.Orders;
using CloudOMS.WebPortal.Tenants;

namespace CloudOMS.WebPortal.Seeding;

/// <summary>
/// Seeds the demo tenant 临沂示例商贸 once: two warehouses, 50 SKUs with stock and about 200 orders
/// across channels and statuses, all through the grains as real users would create them.
/// Runs before the web server listens, so the demo is complete when the URL is printed. A step that fails in a way
/// that passes (a database read timing out on a busy server, a write whose outcome is unknown) is tried again, so a
/// slow first start still ends with the whole demo instead of a process that stops.
/// </summary>
public sealed class DemoSeeder(IGrainFactory grains, IServiceScopeFactory scopes, OrderIntake intake, DemoIdentitySeeder identity, TimeProvider clock, IConfiguration configuration, ILogger<DemoSeeder> logger)
    : IHostedService
{
    private const string Actor = "demo-seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("CloudOms:SeedDemo", true)) return;
        await identity.Seed(cancellationToken);
        var tenant = grains.Tenant(DemoTenant.Id);
        if (await Step(() => tenant.GetProfile()) is not null) return;
        var started = clock.GetTimestamp();
        // If the process stops during these first seconds the demo is partial: delete the data folder to seed again.
        // With its invoice details, like a company that has finished setting up (no getting-started checklist).
        await Step(() => tenant.Create(new TenantProfile(DemoTenant.Id, DemoTenant.Name, "trial", clock.GetUtcNow(),
            TaxId: "91371302MA3CL8K2XE", Address: "山东省临沂市兰山区临沂商城物流园 8 号")));
        // The demo shows everything and carries the load tests: the top plan, paid for a year.
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BillingService>().StartPaid(DemoTenant.Id, "enterprise", BillingCycle.Yearly, cancellationToken);
        await Step(() => tenant.CorrectUsage(UsageKind.Users, 2));

        await Step(() => grains.Warehouse(DemoTenant.Id, "LY-MAIN").Create(new WarehouseDraft("临沂总仓", "山东省", "临沂市", "兰山区临沂商城物流园 8 号库", 1)));
        await Step(() => grains.Warehouse(DemoTenant.Id, "JN-01").Create(new WarehouseDraft("济南前置仓", "山东省", "济南市", "历城区工业北路 66 号", 2)));
        var random = new Random(20261125);
        await Parallel.ForEachAsync(DemoCatalogue.Skus, cancellationToken, async (sku, _) =>
        {
            var grain = grains.Sku(DemoTenant.Id, sku.Code);
            await Step(() => grain.Define(new SkuProfile(sku.Code, sku.Name, sku.Barcode, sku.Unit, sku.Price, sku.WeightKg, sku.SafetyStock), isNew: true));
            var (main, jinan) = Stock(sku);
            await Step(() => grain.Move(new StockMove($"seed-{sku.Code}-1", StockMoveKind.Receive, "LY-MAIN", main, null, "期初入库", Actor)));
            if (jinan > 0) await Step(() => grain.Move(new StockMove($"seed-{sku.Code}-2", StockMoveKind.Receive, "JN-01", jinan, null, "期初入库", Actor)));
        });

        var plans = Enumerable.Range(0, 200).Select(i => Plan(i, random)).ToList();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (plan, _) => await Play(plan));
        logger.LogInformation("Seeded demo tenant {Tenant} in {Elapsed:0.0}s", DemoTenant.Name, clock.GetElapsedTime(started).TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// One step of the seed, tried up to five times while it fails in a way that passes. A step tried again after a
    /// write of unknown outcome may be refused because that write was saved (the warehouse exists, the order moved
    /// on): it is then done, and the refusal is the answer of a first try that did succeed.
    /// </summary>
    private async Task<T?> Step<T>(Func<Task<T>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (CommandException) when (attempt > 1)
            {
                return default;
            }
            catch (Exception e) when (attempt < 5 && TransientFailure.Of(e) != TransientCause.None)
            {
                logger.LogWarning(e, "Demo seed step failed ({Cause}), trying again (attempt {Attempt})", TransientFailure.Of(e), attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), clock);
            }
        }
    }

    private Task Step(Func<Task> step) => Step(async () => { await step(); return true; });

    private static (int Main, int Jinan) Stock(DemoCatalogue.DemoSku sku)
    {
        var n = int.Parse(sku.Code[^2..]);
        // A few SKUs are kept low so the low-stock list has something to show.
        return n % 10 == 7 ? (sku.SafetyStock / 2 + 1, 0) : (80 + n * 13 % 400, n % 3 == 0 ? 0 : 20 + n * 7 % 120);
    }

    private sealed record OrderPlan(NewOrder Order, OrderStatus Target, bool Paid, string Carrier);

    private static OrderPlan Plan(int i, Random random)
    {
        var channel = Channels.All[random.Next(Channels.All.Count)].Code;
        var customer = DemoCatalogue.Customers[random.Next(DemoCatalogue.Customers.Count)];
        var lines = Enumerable.Range(0, 1 + random.Next(3))
            .Select(_ => DemoCatalogue.Skus[random.Next(DemoCatalogue.Skus.Count)])
            .DistinctBy(s => s.Code)
            .Select(s => new NewOrderLine(s.Code, 1 + random.Next(5), s.Price, random.Next(4) == 0 ? decimal.Round(s.Price * 0.1m, 2) : 0m))
            .ToList();
        var external = channel is "manual" or "offline" ? null : $"{channel.ToUpperInvariant()}{20261100000 + i * 37}";
        var order = new NewOrder(channel, external,
            new OrderCustomer { Name = customer.Name, Phone = customer.Phone, Province = customer.Province, City = customer.City, Address = customer.Address },
            lines, random.Next(3) == 0 ? 0m : 8m, random.Next(6) == 0 ? "请尽快发货" : null, Draft: false, Actor);
        OrderStatus[] targets =
        [
            OrderStatus.PendingReview, OrderStatus.PendingReview, OrderStatus.Approved, OrderStatus.Picking, OrderStatus.Shipped,
            OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Completed, OrderStatus.Completed,
            OrderStatus.Cancelled, OrderStatus.OnHold, OrderStatus.Draft,
        ];
        var carrier = Carriers.All[random.Next(Carriers.All.Count)].Code;
        return new OrderPlan(order with { Draft = targets[i % targets.Length] == OrderStatus.Draft }, targets[i % targets.Length], random.Next(5) > 0, carrier);
    }

    private async Task Play(OrderPlan plan)
    {
        var created = await Step(() => intake.Create(DemoTenant.Id, plan.Order));
        if (created is null) return;
        var order = grains.Order(DemoTenant.Id, created.Order.OrderId);
        var state = created.Order;
        if (plan.Paid && plan.Target is not (OrderStatus.Draft or OrderStatus.Cancelled))
            await Step(() => order.RecordPayment(Actor, new PaymentInput(state.Total, "alipay", $"PAY{state.OrderId}")));
        switch (plan.Target)
        {
            case OrderStatus.Cancelled:
                await Step(() => order.Cancel(Actor, "客户取消"));
                return;
            case OrderStatus.OnHold:
                await Step(() => order.Hold(Actor, "等待客户确认地址"));
                return;
            case OrderStatus.Draft or OrderStatus.PendingReview:
                return;
        }
        try
        {
            // Refused on a second try: approved by the first, or short of stock; either way it stays where it is.
            if (await Step(() => order.Approve(Actor)) is null) return;
        }
        catch (CommandException)
        {
            return; // Short of stock: stays pending review, as it would for a clerk.
        }
        if (plan.Target == OrderStatus.Approved) return;
        await Step(() => order.StartPicking(Actor));
        if (plan.Target == OrderStatus.Picking) return;
        await Step(() => order.Ship(Actor, plan.Carrier, $"{plan.Carrier}{state.OrderId[2..]}"));
        if (plan.Target == OrderStatus.Shipped) return;
        await Step(() => order.MarkDelivered(Actor));
        if (plan.Target == OrderStatus.Delivered) return;
        await Step(() => order.Complete(Actor));
    }
}
