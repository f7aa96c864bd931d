namespace CloudOMS.Identity.Tests.Admin;

/// <summary>A company never locks itself out: some active member always keeps users.manage, whatever the API is asked.</summary>
[Collection(AdminPortal.Name)]
public sealed class LastAdminTests(IdentityPortal portal)
{
    [Fact]
    public async Task The_only_admin_cannot_be_deactivated_lose_the_admin_role_or_have_it_stripped()
    {
        var (company, admin) = await portal.NewCompany();
        var adminRole = await admin.Role("管理员");
        var finance = await admin.Role("财务");

        var deactivate = await admin.Post($"/api/users/{company.UserId}/deactivate");
        var demote = await admin.Put($"/api/users/{company.UserId}/roles", new { roleIds = new[] { finance.Id } });
        var strip = await admin.Put($"/api/roles/{adminRole.Id}", new { name = "管理员", permissions = new[] { "orders.view" }, warehouses = Array.Empty<string>() });

        foreach (var refused in new[] { deactivate, demote, strip })
            Assert.Contains("至少要保留一名", (await OmsClient.Problem(refused, HttpStatusCode.Conflict)).Detail);
        var me = (await admin.Get<List<MemberView>>("/api/users")).Single(m => m.Id == company.UserId);
        Assert.True(me.Active);
        Assert.Equal([adminRole.Id], me.RoleIds);
        Assert.Contains("users.manage", (await admin.Role("管理员")).Permissions);
    }

    [Fact]
    public async Task With_a_second_admin_the_first_may_be_deactivated_and_the_audit_log_says_so()
    {
        var (company, admin) = await portal.NewCompany();
        var second = Companies.NewEmail("second-admin");
        await portal.Invite(admin, "管理员", second);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Post($"/api/users/{company.UserId}/deactivate")).StatusCode);

        var secondAdmin = await portal.SignInApi(second, Companies.Password);
        Assert.False((await secondAdmin.Get<List<MemberView>>("/api/users")).Single(m => m.Id == company.UserId).Active);
        var audit = await secondAdmin.Get<AuditPageView>("/api/audit?pageSize=200");
        Assert.Contains(audit.Items, a => a.Action == "member.deactivated" && a.Target == company.UserId);
    }

    [Fact]
    public async Task A_role_needs_a_permission_and_only_the_companys_own_warehouses()
    {
        var (_, admin) = await portal.NewCompany();
        await admin.Post<WarehouseView>("/api/warehouses", new WarehouseBody("LS-01", "兰山仓", "山东省", "临沂市", "兰山区 1 号", 1), HttpStatusCode.Created);

        var none = await admin.Post("/api/roles", new { name = "空角色", permissions = Array.Empty<string>(), warehouses = Array.Empty<string>() });
        var unknown = await admin.Post("/api/roles", new { name = "外仓角色", permissions = new[] { "orders.view" }, warehouses = new[] { "NOPE-9" } });
        var scoped = await admin.Post<RoleView>("/api/roles", new { name = "兰山仓管", permissions = new[] { "inventory.view" }, warehouses = new[] { "LS-01" } }, HttpStatusCode.Created);

        Assert.Contains("请至少选择一项权限", (await OmsClient.FieldError(none, "permissions")).Errors!["permissions"][0]);
        Assert.Contains("NOPE-9", (await OmsClient.FieldError(unknown, "warehouses")).Errors!["warehouses"][0]);
        Assert.Equal(["LS-01"], scoped.Warehouses);
        Assert.DoesNotContain(await admin.Get<List<RoleView>>("/api/roles"), r => r.Name is "空角色" or "外仓角色");
    }
}
