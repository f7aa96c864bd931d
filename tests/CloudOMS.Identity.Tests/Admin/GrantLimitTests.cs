namespace CloudOMS.Identity.Tests.Admin;

/// <summary>users.manage and roles.manage hand out at most what their holder has: no more permissions, no wider warehouse scope.</summary>
[Collection(AdminPortal.Name)]
public sealed class GrantLimitTests(IdentityPortal portal)
{
    private static object Role(string name, string[] permissions, string[]? warehouses = null) => new { name, permissions, warehouses = warehouses ?? [] };

    [Fact]
    public async Task A_member_who_manages_roles_and_users_cannot_create_or_assign_more_than_they_hold()
    {
        var (_, admin) = await portal.NewCompany();
        var hr = await admin.Post<RoleView>("/api/roles", Role("人事", ["users.manage", "roles.manage", "orders.view"]), HttpStatusCode.Created);
        var hrEmail = Companies.NewEmail("hr");
        await portal.Invite(admin, hr.Name, hrEmail);
        var clerkId = await portal.Invite(admin, "销售", Companies.NewEmail("sales"));
        var manager = await portal.SignInApi(hrEmail, Companies.Password);

        var wider = await OmsClient.Problem(await manager.Post("/api/roles", Role("财务助理", ["orders.view", "finance.view"])), HttpStatusCode.BadRequest);
        Assert.Contains("不能授予您自己没有的权限", wider.Errors!["permissions"].Single());
        var adminRole = await admin.Role("管理员");
        var promote = await OmsClient.Problem(await manager.Put($"/api/users/{clerkId}/roles", new { roleIds = new[] { adminRole.Id } }), HttpStatusCode.BadRequest);
        Assert.Contains("不能分配超出您自己权限", promote.Errors!["roleIds"].Single());

        // Within their own permissions they work as before, and nothing refused was written.
        var narrow = await manager.Post<RoleView>("/api/roles", Role("只读订单", ["orders.view"]), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Put($"/api/users/{clerkId}/roles", new { roleIds = new[] { narrow.Id } })).StatusCode);
        Assert.DoesNotContain(await admin.Get<List<RoleView>>("/api/roles"), r => r.Name == "财务助理");
        Assert.Equal([narrow.Id], (await admin.Get<List<MemberView>>("/api/users")).Single(m => m.Id == clerkId).RoleIds);
    }

    [Fact]
    public async Task A_member_limited_to_one_warehouse_can_only_create_roles_limited_to_it()
    {
        var (_, admin) = await portal.NewCompany();
        await admin.Post<System.Text.Json.JsonElement>("/api/warehouses", new { code = "LY-01", name = "临沂仓", province = "山东省", city = "临沂市", address = "兰山区", priority = 1 }, HttpStatusCode.Created);
        await admin.Post<System.Text.Json.JsonElement>("/api/warehouses", new { code = "JN-01", name = "济南仓", province = "山东省", city = "济南市", address = "历城区", priority = 2 }, HttpStatusCode.Created);
        var local = await admin.Post<RoleView>("/api/roles", Role("临沂主管", ["roles.manage", "orders.view"], ["LY-01"]), HttpStatusCode.Created);
        var email = Companies.NewEmail("ly-lead");
        await portal.Invite(admin, local.Name, email);
        var lead = await portal.SignInApi(email, Companies.Password);

        foreach (var scope in new[] { Array.Empty<string>(), ["JN-01"], ["LY-01", "JN-01"] })
        {
            var refused = await OmsClient.Problem(await lead.Post("/api/roles", Role("越权" + scope.Length, ["orders.view"], scope)), HttpStatusCode.BadRequest);
            Assert.Contains("仓库范围不能超出", refused.Errors!["warehouses"].Single());
        }
        await lead.Post<RoleView>("/api/roles", Role("临沂查单", ["orders.view"], ["LY-01"]), HttpStatusCode.Created);
    }
}
