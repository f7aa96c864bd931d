using Bunit;
using CloudOMS.Silo.ReadModel;
using CloudOMS.WebPortal.Orders;
using CloudOMS.WebPortal.Orders.Pages;
using CloudOMS.WebPortal.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>
/// The new-order form's customer fields over the real read model: typing part of a name or phone offers the company's
/// earlier customers (each name, phone and address once, the latest first, at most ten), and a click gives the whole customer.
/// </summary>
[Collection(OrdersPortal.Name)]
public sealed class CustomerPickerTests : IDisposable
{
    private readonly BunitContext _context = PortalComponents.New();
    private readonly PortalFactory _portal;

    public CustomerPickerTests(PortalFactory portal)
    {
        _portal = portal;
        _context.Services.AddSingleton(portal.Services.GetRequiredService<IDbContextFactory<ReadModelDbContext>>());
    }

    [Fact]
    public async Task Typing_part_of_a_name_or_phone_offers_each_earlier_customer_once_latest_first_and_a_click_gives_the_address()
    {
        var name = "赵" + Guid.NewGuid().ToString("N")[..8];
        var (first, second) = (Customer(name, Unique.Phone(), "兰山区通达路 1 号"), Customer(name, Unique.Phone(), "河东区凤凰大街 9 号"));
        await Order(first);
        await Order(first);
        await Order(second);
        await _portal.Api.ReadModelCaughtUp();
        KnownCustomer? chosen = null;
        string? typed = null;
        var picker = Render("order-customer", null, v => typed = v, c => chosen = c);

        picker.Find("#order-customer").Input(name[..5]);
        picker.WaitForAssertion(() => Assert.Equal(2, picker.FindAll("#order-customer-options [role=option]").Count));
        Assert.Contains(second.Phone!, picker.Find("#order-customer-option-0").TextContent);
        Assert.Contains(first.Phone!, picker.Find("#order-customer-option-1").TextContent);
        Assert.Equal(name[..5], typed);

        picker.Find("#order-customer").Input(first.Phone![4..]);
        picker.WaitForAssertion(() => Assert.Single(picker.FindAll("#order-customer-options [role=option]")));
        Assert.Contains("兰山区通达路 1 号", picker.Find("#order-customer-option-0").TextContent);

        picker.Find("#order-customer-option-0").Click();
        Assert.Equal(new KnownCustomer(name, first.Phone!, "山东省", "临沂市", "兰山区通达路 1 号"), chosen);
        Assert.Empty(picker.FindAll("#order-customer-options"));
    }

    [Fact]
    public async Task At_most_ten_customers_are_offered_and_a_name_no_order_has_offers_none()
    {
        var name = "钱" + Guid.NewGuid().ToString("N")[..8];
        var phones = Enumerable.Range(0, 12).Select(_ => Unique.Phone()).ToList();
        foreach (var phone in phones) await Order(Customer(name, phone, "罗庄区沂河路 9 号"));
        await _portal.Api.ReadModelCaughtUp();
        string? typed = null;
        var picker = Render("order-phone", null, v => typed = v, _ => { });

        picker.Find("#order-phone").Input(name);
        picker.WaitForAssertion(() => Assert.Equal(10, picker.FindAll("#order-phone-options [role=option]").Count));
        Assert.Contains(phones[^1], picker.Find("#order-phone-option-0").TextContent);

        picker.Find("#order-phone").Input("没有这个客户" + Guid.NewGuid().ToString("N"));
        picker.WaitForAssertion(() => Assert.Empty(picker.FindAll("#order-phone-options")));
        Assert.StartsWith("没有这个客户", typed);
    }

    [Fact]
    public async Task A_user_who_sees_some_warehouses_is_offered_only_customers_of_orders_allocated_to_them()
    {
        var name = "孙" + Guid.NewGuid().ToString("N")[..8];
        var (main, jinan) = (Customer(name, Unique.Phone(), "兰山区金雀山路 3 号"), Customer(name, Unique.Phone(), "历下区泉城路 8 号"));
        Assert.Equal(OmsClient.MainWarehouse, await Approved(main, OmsClient.MainWarehouse));
        Assert.Equal(OmsClient.JinanWarehouse, await Approved(jinan, OmsClient.JinanWarehouse));
        await Order(Customer(name, Unique.Phone(), "待审核的订单还没有仓库"));
        await _portal.Api.ReadModelCaughtUp();

        var picker = Render("order-customer", new HashSet<string> { OmsClient.JinanWarehouse }, _ => { }, _ => { });
        picker.Find("#order-customer").Input(name);

        picker.WaitForAssertion(() => Assert.Contains(jinan.Phone!, picker.Find("#order-customer-option-0").TextContent));
        Assert.Single(picker.FindAll("#order-customer-options [role=option]"));
    }

    /// <summary>An approved order for the customer, its SKU stocked only in <paramref name="warehouse"/>: the warehouse it went to.</summary>
    private async Task<string?> Approved(CustomerBody customer, string warehouse)
    {
        var sku = await _portal.Api.CreateSku();
        await _portal.Api.Receive(sku, warehouse, 3);
        var order = await _portal.Api.CreateOrder(new OrderBody("manual", null, customer, [NewOrder.Line(sku, 1)]));
        return (await _portal.Api.Act(order.OrderId, "approve")).Warehouse;
    }

    private IRenderedComponent<CustomerPicker> Render(string id, IReadOnlySet<string>? scope, Action<string?> typed, Action<KnownCustomer> chosen) =>
        _context.Render<CustomerPicker>(p => p.Add(c => c.Id, id).Add(c => c.TenantId, DemoTenant.Id).Add(c => c.Label, "收货人").Add(c => c.Scope, scope)
            .Add(c => c.ValueChanged, typed).Add(c => c.Chosen, chosen));

    private static CustomerBody Customer(string name, string phone, string address) => new(name, phone, "山东省", "临沂市", address);

    private Task<OrderView> Order(CustomerBody customer) => _portal.Api.CreateOrder(new OrderBody("manual", null, customer, [NewOrder.Line("LY-0001", 1)]));

    public void Dispose() => _context.Dispose();
}
