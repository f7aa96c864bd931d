using System.Globalization;
using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Ui;

/// <summary>Names of the fixed catalogues in the current UI language.</summary>
public static class Labels
{
    public static bool English => CultureInfo.CurrentUICulture.Name == "en";

    public static string Channel(string code) =>
        Channels.All.FirstOrDefault(c => c.Code == code) is { } c ? English ? c.NameEn : c.NameZh : code;

    public static string Permission(string code) =>
        CloudOMS.Identity.Access.Permissions.All.FirstOrDefault(p => p.Code == code) is { } p ? English ? p.NameEn : p.NameZh : code;

    public static string Carrier(string code) =>
        Carriers.All.FirstOrDefault(c => c.Code == code) is { } c ? English ? c.NameEn : c.NameZh : code;

    public static string PaymentMethod(string code) =>
        PaymentMethods.All.FirstOrDefault(m => m.Code == code) is { } m ? English ? m.NameEn : m.NameZh : code;

    /// <summary>
    /// An order log entry's detail with names for its codes: the channel of "created", the payment method of "paid"
    /// ("wechatpay 12.00"), the courier of "shipped" ("ZTO 7312...").
    /// </summary>
    public static string? TimelineDetail(string @event, string? detail)
    {
        if (string.IsNullOrEmpty(detail)) return detail;
        var (code, rest) = detail.IndexOf(' ') is var space and > 0 ? (detail[..space], detail[space..]) : (detail, "");
        return @event switch
        {
            "created" => Channel(code) + rest,
            "paid" => PaymentMethod(code) + rest,
            "shipped" => Carrier(code) + rest,
            _ => detail,
        };
    }
}
