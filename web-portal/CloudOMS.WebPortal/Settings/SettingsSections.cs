using CloudOMS.Identity.Access;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Settings;

/// <summary>The settings pages, in the order of their tabs, each with the permission that opens it.</summary>
public static class SettingsSections
{
    public sealed record Section(string Key, string Path, string TextKey, string Permission);

    public static readonly IReadOnlyList<Section> All =
    [
        new("users", "app/settings/users", "Settings.Users", Permissions.UsersManage),
        new("roles", "app/settings/roles", "Settings.Roles", Permissions.RolesManage),
        new("company", "app/settings/company", "Settings.Company", Permissions.UsersManage),
        new("api-clients", "app/settings/api-clients", "Settings.ApiClients", Permissions.ApiManage),
        new("audit", "app/settings/audit", "Settings.Audit", Permissions.AuditView),
        new("billing", "app/settings/billing", "Settings.Billing", Permissions.BillingManage),
    ];

    public static IEnumerable<Section> For(PortalSession session) => All.Where(s => session.Can(s.Permission));
}
