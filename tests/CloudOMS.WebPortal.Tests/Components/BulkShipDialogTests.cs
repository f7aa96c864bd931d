using System.Globalization;
using Bunit;
using CloudOMS.WebPortal.Orders.Pages;
using CloudOMS.WebPortal.Orders;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using Radzen.Blazor;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>The bulk-ship dialog checks the carrier and every tracking number like the order page's ship form, before anything is sent.</summary>
public sealed class BulkShipDialogTests : IDisposable
{
    private readonly BunitContext _context = PortalComponents.New();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;
    private readonly DialogService _dialogs;

    public BulkShipDialogTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        _dialogs = _context.Services.GetRequiredService<DialogService>();
    }

    /// <summary>Opens the dialog the way the orders page does, in Radzen's dialog host; the task ends when it closes.</summary>
    private async Task<(IRenderedComponent<RadzenDialog> Host, Task<dynamic?> Closed)> Open(params string[] orderIds)
    {
        var host = _context.Render<RadzenDialog>();
        Task<dynamic?> closed = null!;
        // A statement lambda: awaiting the dialog's task here would wait for it to close.
        await host.InvokeAsync(() => { closed = _dialogs.OpenAsync<BulkShipDialog>("批量发货", new() { [nameof(BulkShipDialog.OrderIds)] = orderIds }); });
        host.WaitForElement("#bulk-ship-dialog");
        return (host, closed);
    }

    [Fact]
    public async Task A_missing_tracking_number_shows_the_chinese_message_under_that_order_and_nothing_is_sent()
    {
        var (dialog, closed) = await Open("SO2026010100001", "SO2026010100002");

        dialog.Find("#tracking-SO2026010100001").Change("SF1234567890");
        dialog.Find("#bulk-ship-confirm").Click();

        Assert.Contains("请填写运单号", dialog.Find("#error-trackingNo-SO2026010100002").TextContent);
        Assert.Empty(dialog.FindAll("#error-trackingNo-SO2026010100001"));
        Assert.False(closed.IsCompleted);
        Assert.Single(dialog.FindAll("#bulk-ship-dialog"));
    }

    [Fact]
    public async Task A_tracking_number_with_spaces_or_symbols_inside_is_refused_like_on_the_order_page()
    {
        var (dialog, closed) = await Open("SO2026010100001");

        dialog.Find("#tracking-SO2026010100001").Change("SF 123/456");
        dialog.Find("#bulk-ship-confirm").Click();

        Assert.Contains("请填写运单号（字母、数字）", dialog.Find("#error-trackingNo-SO2026010100001").TextContent);
        Assert.False(closed.IsCompleted);
        Assert.Single(dialog.FindAll("#bulk-ship-dialog"));
    }

    [Fact]
    public async Task With_every_tracking_number_filled_the_dialog_hands_back_one_carrier_and_each_trimmed_number()
    {
        var (dialog, closed) = await Open("SO2026010100001", "SO2026010100002");

        dialog.Find("#tracking-SO2026010100001").Change(" SF1234567890 ");
        dialog.Find("#tracking-SO2026010100002").Change("SF1234567891");
        dialog.Find("#bulk-ship-confirm").Click();

        Assert.Empty(dialog.FindAll(".rz-messages-error"));
        Assert.True(closed.IsCompleted);
        var shipment = Assert.IsType<BulkShipment>((object?)await closed);
        Assert.Equal("SF", shipment.Carrier);
        Assert.Equal("SF1234567890", shipment.TrackingNos["SO2026010100001"]);
        Assert.Equal("SF1234567891", shipment.TrackingNos["SO2026010100002"]);
    }

    public void Dispose()
    {
        _context.Dispose();
        CultureInfo.CurrentUICulture = _culture;
    }
}
