namespace CloudOMS.Identity.Tests.Infrastructure;

/// <summary>The demo tenant's people, as the portal seeds them.</summary>
public static class Seed
{
    public const string Tenant = "demo";
    public const string AdminEmail = "admin@demo.cloudoms.cn";
    public const string ClerkEmail = "clerk@demo.cloudoms.cn";
}
