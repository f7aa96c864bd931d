namespace CloudOMS.Grains;

/// <summary>Fixed lists the product knows, each code with its Chinese and English label.</summary>
public sealed record CatalogueEntry(string Code, string NameZh, string NameEn);

public static class Channels
{
    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new("taobao", "淘宝/天猫", "Taobao / Tmall"),
        new("jd", "京东", "JD.com"),
        new("pdd", "拼多多", "Pinduoduo"),
        new("douyin", "抖音", "Douyin"),
        new("wechat", "微信小店", "WeChat shop"),
        new("offline", "线下门店", "Offline store"),
        new("distributor", "分销商", "Distributor"),
        new("manual", "手工录入", "Manual entry"),
        new("api", "开放接口", "Open API"),
    ];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);
}

public static class Carriers
{
    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new("SF", "顺丰速运", "SF Express"),
        new("ZTO", "中通快递", "ZTO Express"),
        new("YTO", "圆通速递", "YTO Express"),
        new("STO", "申通快递", "STO Express"),
        new("YD", "韵达快递", "Yunda Express"),
        new("JD", "京东物流", "JD Logistics"),
        new("EMS", "中国邮政EMS", "China Post EMS"),
        new("JT", "极兔速递", "J&T Express"),
        new("DBL", "德邦快递", "Deppon"),
    ];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);
}

public static class PaymentMethods
{
    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new("alipay", "支付宝", "Alipay"),
        new("wechatpay", "微信支付", "WeChat Pay"),
        new("bank", "对公转账", "Bank transfer"),
        new("cash", "现金", "Cash"),
        new("card", "银行卡", "Bank card"),
        new("credit", "账期/赊账", "On credit"),
    ];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);
}
