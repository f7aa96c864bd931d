namespace CloudOMS.WebPortal.Tenants;

/// <summary>The demo tenant seeded on first start.</summary>
public static class DemoTenant
{
    public const string Id = "demo";
    public const string Name = "临沂示例商贸";
}
