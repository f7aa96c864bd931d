using System.Globalization;
using CloudOMS.Grains;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Tests.Ui;

/// <summary>Codes become the names a person reads, in the language of the page or the API request, and an unknown code stays itself.</summary>
public sealed class LabelsTests
{
    [Theory]
    [InlineData("zh-CN", "待审核", "已付款", "京东", "中通快递", "微信支付", "已发货")]
    [InlineData("en", "Pending review", "Paid", "JD.com", "ZTO Express", "WeChat Pay", "Shipped")]
    [InlineData("en-US", "Pending review", "Paid", "JD.com", "ZTO Express", "WeChat Pay", "Shipped")]
    public void Codes_read_as_names_in_the_current_language(string culture, string status, string payment, string channel, string carrier, string method, string @event)
    {
        var names = In(culture, () => (Labels.Status(nameof(OrderStatus.PendingReview)), Labels.Status(nameof(PaymentStatus.Paid)),
            Labels.Channel("jd"), Labels.Carrier("ZTO"), Labels.PaymentMethod("wechatpay"), Labels.Event("shipped")));
        Assert.Equal((status, payment, channel, carrier, method, @event), names);
    }

    [Fact]
    public void Every_order_and_payment_status_has_a_name_in_both_languages()
    {
        // English names may equal their code (Shipped); a Chinese one never does, so a missing text shows as the same word in both.
        var codes = Enum.GetNames<OrderStatus>().Concat(Enum.GetNames<PaymentStatus>()).ToList();
        var chinese = In("zh-CN", () => codes.ToDictionary(c => c, Labels.Status));
        var english = In("en", () => codes.ToDictionary(c => c, Labels.Status));
        var unnamed = codes.Where(c => chinese[c] == c || chinese[c] == english[c]).ToList();
        Assert.Empty(unnamed);
    }

    [Fact]
    public void An_unknown_code_is_shown_as_it_is()
    {
        Assert.Equal(("Lost", "ebay", "UPS", "dhl 123"), In("zh-CN", () => (Labels.Status("Lost"), Labels.Channel("ebay"), Labels.Carrier("UPS"),
            Labels.TimelineDetail("shipped", "dhl 123"))));
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
