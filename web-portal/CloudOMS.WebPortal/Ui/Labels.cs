using System.Globalization;
using System.Resources;
using CloudOMS.Grains;
using CloudOMS.Texts;

namespace CloudOMS.WebPortal.Ui;

/// <summary>
/// Names of the fixed catalogues and the order states in the current UI language: the portal's (its language
/// cookie) or an API request's (Accept-Language). Codes stay for machines; people read these.
/// </summary>
public static class Labels
{
    private static readonly ResourceManager Texts = new("CloudOMS.WebPortal.Resources.UiText", typeof(UiText).Assembly);

    public static bool English => Languages.Of(CultureInfo.CurrentUICulture) == Languages.English;

    public static string Channel(string code) =>
        Channels.All.FirstOrDefault(c => c.Code == code) is { } c ? English ? c.NameEn : c.NameZh : code;

    public static string Permission(string code) =>
        CloudOMS.Identity.Access.Permissions.All.FirstOrDefault(p => p.Code == code) is { } p ? English ? p.NameEn : p.NameZh : code;

    public static string Carrier(string code) =>
        Carriers.All.FirstOrDefault(c => c.Code == code) is { } c ? English ? c.NameEn : c.NameZh : code;

    public static string PaymentMethod(string code) =>
        PaymentMethods.All.FirstOrDefault(m => m.Code == code) is { } m ? English ? m.NameEn : m.NameZh : code;

    /// <summary>An order's or a payment's status (<see cref="OrderStatus"/>, <see cref="PaymentStatus"/>) by its code: 待审核, 已付款.</summary>
    public static string Status(string code) => Text("Status." + code) ?? code;

    /// <summary>What an order log entry records (created, approved, shipped...).</summary>
    public static string Event(string code) => Text("Event." + code) ?? code;

    private static string? Text(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) is { Length: > 0 } text ? text : null;

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
