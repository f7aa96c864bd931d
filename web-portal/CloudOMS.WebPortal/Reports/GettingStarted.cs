using CloudOMS.Grains;
using CloudOMS.Identity.Data;
using CloudOMS.Silo.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Reports;

/// <summary>One step of a new company's start: its key (texts GettingStarted.{Key}), the page that does it, and whether it is done.</summary>
public sealed record StartStep(string Key, string Link, bool Done);

/// <summary>The steps in the order a company takes them; all done means the checklist is no longer shown.</summary>
public sealed record StartSteps(IReadOnlyList<StartStep> Steps)
{
    public int Done => Steps.Count(s => s.Done);

    public bool Complete => Done == Steps.Count;
}

/// <summary>
/// What a new company still has to do before its first shipped order, read from its real data (never a flag the user
/// sets): the invoice details on the company profile, a warehouse, SKUs, stock received, a colleague, an order, a
/// shipped one. Each step is one small existence query, so the dashboard can ask on every load.
/// </summary>
public static class GettingStarted
{
    public const string Profile = "Profile";
    public const string Warehouse = "Warehouse";
    public const string Skus = "Skus";
    public const string Stock = "Stock";
    public const string Colleague = "Colleague";
    public const string Order = "Order";
    public const string Shipped = "Shipped";

    /// <summary>The steps of <paramref name="tenantId"/>; <paramref name="db"/> is filtered to that tenant.</summary>
    public static async Task<StartSteps> Load(ReadModelDbContext db, IdentityDb identity, IGrainFactory grains, string tenantId)
    {
        // The profile counts as filled once it carries what an invoice needs beyond the sign-up's name and phone.
        var profile = await grains.Tenant(tenantId).GetProfile();
        var received = nameof(StockMoveKind.Receive);
        var colleague = await identity.Memberships.CountAsync(m => m.TenantId == tenantId) > 1
            || await identity.Invitations.AnyAsync(i => i.TenantId == tenantId);
        return new StartSteps(
        [
            new(Profile, "app/settings/company", !string.IsNullOrWhiteSpace(profile?.TaxId) && !string.IsNullOrWhiteSpace(profile?.Address)),
            new(Warehouse, "app/inventory/warehouses?new=warehouse", await db.Warehouses.AnyAsync()),
            new(Skus, "app/inventory/skus?new=sku", await db.Skus.AnyAsync()),
            new(Stock, "app/inventory?new=receive", await db.StockMovements.AnyAsync(m => m.Kind == received)),
            new(Colleague, "app/settings/users#invite", colleague),
            new(Order, "app/orders/new", await db.Orders.AnyAsync()),
            new(Shipped, "app/orders", await db.Orders.AnyAsync(o => o.ShippedAt != null)),
        ]);
    }
}
