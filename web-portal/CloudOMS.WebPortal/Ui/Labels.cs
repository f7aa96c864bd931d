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
}
