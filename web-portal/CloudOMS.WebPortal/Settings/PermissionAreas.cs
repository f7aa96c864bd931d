using CloudOMS.Identity.Access;

namespace CloudOMS.WebPortal.Settings;

/// <summary>The permission catalogue grouped by the area of the product it opens, for the role editor's matrix.</summary>
public static class PermissionAreas
{
    public sealed record Area(string Key, string TextKey, IReadOnlyList<string> Codes);

    private static readonly (string Key, string[] Prefixes)[] Prefixes =
    [
        ("orders", ["orders."]),
        ("inventory", ["inventory.", "warehouses.", "skus."]),
        ("finance", ["finance.", "reports.", "billing."]),
        ("settings", ["users.", "roles.", "api.", "audit."]),
    ];

    /// <summary>Every catalogue permission in exactly one area; one the prefixes miss lands in "other".</summary>
    public static readonly IReadOnlyList<Area> All = Build();

    private static List<Area> Build()
    {
        var areas = Prefixes.Select(a => new Area(a.Key, "Settings.Area." + a.Key,
            [.. Permissions.All.Select(p => p.Code).Where(code => a.Prefixes.Any(prefix => code.StartsWith(prefix, StringComparison.Ordinal)))])).ToList();
        var other = Permissions.All.Select(p => p.Code).Where(code => !areas.Any(a => a.Codes.Contains(code))).ToList();
        if (other.Count > 0) areas.Add(new Area("other", "Settings.Area.other", other));
        return areas;
    }
}
