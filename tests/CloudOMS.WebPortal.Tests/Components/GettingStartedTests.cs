using Bunit;
using CloudOMS.Grains;
using CloudOMS.Identity.Data;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Reports;
using CloudOMS.WebPortal.Reports.Pages;
using CloudOMS.WebPortal.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>
/// The dashboard's getting-started checklist, computed from a company's real data in a running portal: a new company
/// has nothing done, each step ticks itself once the data is there, the demo company (already set up) has it all done;
/// the card shows the count and links the steps still to do.
/// </summary>
[Collection(StockPortal.Name)]
public sealed class GettingStartedTests : IDisposable
{
    private readonly BunitContext _context = PortalComponents.New();
    private readonly PortalFactory _portal;
    private readonly IGrainFactory _grains;

    public GettingStartedTests(PortalFactory portal)
    {
        _portal = portal;
        _grains = portal.Services.GetRequiredService<IGrainFactory>();
    }

    [Fact]
    public async Task A_new_company_has_none_of_the_seven_steps_done_and_each_ticks_once_its_data_exists()
    {
        var tenant = await NewTenant();
        var fresh = await Load(tenant);
        Assert.Equal(7, fresh.Steps.Count);
        Assert.Equal(0, fresh.Done);

        await _grains.Warehouse(tenant, "W1").Create(new WarehouseDraft("兰山仓", "山东省", "临沂市", "兰山区五金城 1 号", 1));
        await _grains.Sku(tenant, "A1").Define(new SkuProfile("A1", "不锈钢合页", null, "个", 3.5m, 0.1m, 0), isNew: true);
        await _grains.Sku(tenant, "A1").Move(new StockMove("opening-1", StockMoveKind.Receive, "W1", 40, null, "期初入库", "test"));
        var stocked = await Eventually.Until(() => Load(tenant), s => s.Done == 3);
        Assert.Equal([GettingStarted.Warehouse, GettingStarted.Skus, GettingStarted.Stock], stocked.Steps.Where(s => s.Done).Select(s => s.Key));

        await _grains.Tenant(tenant).UpdateDetails(new CompanyDetails("兰山五金", "91371302MA3CL8K2XE", "赵老板", "0539-8888888", "临沂市兰山区五金城 1 号", null, null));
        var profiled = await Load(tenant);
        Assert.True(profiled.Steps.Single(s => s.Key == GettingStarted.Profile).Done);
        Assert.Equal(4, profiled.Done);
        Assert.False(profiled.Complete);
    }

    [Fact]
    public async Task The_demo_company_has_every_step_done_so_its_dashboard_shows_no_checklist()
    {
        var demo = await Load(DemoTenant.Id);
        Assert.Equal([], demo.Steps.Where(s => !s.Done).Select(s => s.Key));
        Assert.True(demo.Complete);
    }

    [Fact]
    public async Task The_card_shows_how_many_steps_are_done_and_links_each_step_still_to_do_to_its_page()
    {
        var tenant = await NewTenant();
        await _grains.Warehouse(tenant, "W1").Create(new WarehouseDraft("兰山仓", "山东省", "临沂市", "兰山区五金城 1 号", 1));
        var steps = await Eventually.Until(() => Load(tenant), s => s.Done == 1);
        var hidden = false;

        var card = _context.Render<GettingStartedCard>(p => p.Add(c => c.Steps, steps).Add(c => c.Hide, () => hidden = true));

        Assert.Contains("1/7 完成", card.Find("#getting-started-progress").TextContent);
        Assert.Empty(card.FindAll("#start-link-Warehouse"));
        Assert.Contains("创建第一个仓库", card.Find("#start-Warehouse").TextContent);
        Assert.Equal("app/settings/company", card.Find("#start-link-Profile").GetAttribute("href"));
        Assert.Contains("完善公司资料", card.Find("#start-link-Profile").TextContent);
        Assert.Equal("app/inventory/skus?new=sku", card.Find("#start-link-Skus").GetAttribute("href"));
        Assert.Equal("app/inventory?new=receive", card.Find("#start-link-Stock").GetAttribute("href"));
        Assert.Contains("邀请同事", card.Find("#start-link-Colleague").TextContent);
        Assert.Equal("app/orders/new", card.Find("#start-link-Order").GetAttribute("href"));
        Assert.Contains("发出第一单", card.Find("#start-link-Shipped").TextContent);

        card.Find("#getting-started-hide").Click();
        Assert.True(hidden);
    }

    private async Task<string> NewTenant()
    {
        var tenant = "gs" + Guid.NewGuid().ToString("N")[..10];
        await _grains.Tenant(tenant).Create(new TenantProfile(tenant, "兰山五金", "trial", DateTimeOffset.UtcNow));
        return tenant;
    }

    private async Task<StartSteps> Load(string tenant)
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>().CreateDbContextAsync();
        db.TenantId = tenant;
        await using var scope = _portal.Services.CreateAsyncScope();
        return await GettingStarted.Load(db, scope.ServiceProvider.GetRequiredService<IdentityDb>(), _grains, tenant);
    }

    public void Dispose() => _context.Dispose();
}
