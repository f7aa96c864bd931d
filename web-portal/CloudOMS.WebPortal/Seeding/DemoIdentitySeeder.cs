using CloudOMS.Identity.Access;
using CloudOMS.Identity.Admin;
using CloudOMS.Identity.Data;
using CloudOMS.WebPortal.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Seeding;

/// <summary>
/// Sign-in for the demo tenant: an admin, a warehouse clerk limited to the Linyi warehouse, and,
/// when a secret is configured (CloudOms:DemoApiSecret), an API client with every permission.
/// </summary>
public sealed class DemoIdentitySeeder(IServiceProvider services, IConfiguration configuration, TimeProvider clock)
{
    public const string AdminEmail = "admin@demo.cloudoms.cn";
    public const string ClerkEmail = "clerk@demo.cloudoms.cn";
    public const string ApiClientId = "demo-integration";
    public const string ClerkRole = "临沂总仓仓管";

    public string Password => configuration["CloudOms:DemoPassword"] ?? "Demo@2026";

    public async Task Seed(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        if (await db.Tenants.AnyAsync(t => t.Id == DemoTenant.Id, cancellationToken)) return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OmsUser>>();
        var directory = scope.ServiceProvider.GetRequiredService<TenantDirectory>();

        var admin = await User(users, AdminEmail, "王经理");
        directory.AddTenant(DemoTenant.Id, DemoTenant.Name, admin.DisplayName, "0539-8888888", admin.Id);
        var clerk = await User(users, ClerkEmail, "李仓管");
        var warehouseTemplate = Permissions.Templates.Single(t => t.Name == "仓储");
        var clerkRole = new TenantRole
        {
            Id = TenantDirectory.NewId(), TenantId = DemoTenant.Id, Name = ClerkRole,
            Permissions = [.. warehouseTemplate.Permissions], Warehouses = ["LY-MAIN"],
        };
        db.TenantRoles.Add(clerkRole);
        directory.AddMember(DemoTenant.Id, clerk.Id, [clerkRole.Id]);
        await db.SaveChangesAsync(cancellationToken);

        if (configuration["CloudOms:DemoApiSecret"] is { Length: > 0 } secret)
            await scope.ServiceProvider.GetRequiredService<ApiClientService>()
                .Create(DemoTenant.Id, Msg.Of("DemoIdentitySeeder.DemoIntegration").Render(Languages.Chinese), [.. Permissions.All.Select(p => p.Code)], secret, ApiClientId);
    }

    private async Task<OmsUser> User(UserManager<OmsUser> users, string email, string name)
    {
        var user = new OmsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, Password);
        return result.Succeeded ? user : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
