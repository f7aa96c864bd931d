using CloudOMS.WebPortal.Orders;

namespace CloudOMS.WebPortal.Tests.Orders;

/// <summary>The order list opened from a link (the dashboard's 待审核): the address carries a status and a quick-pick period.</summary>
public sealed class OrderFilterLinkTests
{
    // 2026-12-07 10:00 in China.
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_dashboard_link_opens_the_pending_orders_of_its_last_seven_days()
    {
        Assert.Equal("app/orders?status=PendingReview&period=7", OrderFilter.ListUrl("PendingReview", 7));

        var filter = OrderFilter.FromAddress("PendingReview", 7, Now);

        Assert.Equal(new OrderFilter(Status: "PendingReview", From: new DateTime(2026, 12, 1), To: new DateTime(2026, 12, 7), Period: 7), filter);
        Assert.Equal(new OrderQuery("PendingReview", null, "2026-12-01", "2026-12-07", null, null, 1, 20), filter!.Query(1, 20));
    }

    [Theory]
    [InlineData("pendingreview", null, "PendingReview")]
    [InlineData("Shipped", 5, "Shipped")]
    [InlineData("nonsense", 30, null)]
    [InlineData("1", 1, null)]
    public void A_status_is_read_by_name_and_an_unknown_status_or_period_is_left_out(string status, int? period, string? expected)
    {
        var filter = OrderFilter.FromAddress(status, period, Now);

        Assert.Equal(expected, filter?.Status);
        Assert.Equal(period is 1 or 7 or 30 ? period : null, filter?.Period);
    }

    [Fact]
    public void An_address_without_a_filter_leaves_the_remembered_one()
    {
        Assert.Null(OrderFilter.FromAddress(null, null, Now));
        Assert.Null(OrderFilter.FromAddress("nonsense", 12, Now));
    }
}
