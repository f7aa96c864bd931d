using Microsoft.Playwright;

namespace CloudOMS.WebPortal.Tests.BrowserUi;

/// <summary>The settings pages and the account page in real Chromium, each result read back from the API or a new sign-in.</summary>
public sealed class SettingsBrowserTests(PortalFactory portal, Chromium chromium) : IClassFixture<PortalFactory>, IClassFixture<Chromium>
{
    private const string Password = "Chengyuan2026";
    private readonly PortalPages _pages = new(portal, chromium);

    private sealed record Role(string Id, string Name, List<string> Permissions, List<string> Warehouses);

    private sealed record Member(string Id, string Email, bool Active, bool TwoFactorEnabled, List<string> RoleIds);

    /// <summary>A new member of the demo company (invited by its API client as 销售, joined through the mailed link).</summary>
    private async Task<string> NewDemoMember(string who)
    {
        var email = $"{who}-{Guid.NewGuid():N}"[..20] + "@example.cn";
        var sales = (await portal.Api.Get<List<Role>>("/api/roles")).Single(r => r.Name == "销售");
        Assert.Equal(HttpStatusCode.Created, (await portal.Api.Post("/api/users/invitations", new { email, roleIds = new[] { sales.Id } })).StatusCode);
        var page = await chromium.NewPage();
        await page.GotoAsync(_pages.LinkFromMail(email, "/account/invite"));
        await page.FillAsync("#name", "新同事");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("已加入");
        await page.CloseAsync();
        return email;
    }

    private async Task<Member> DemoMember(string email) => (await portal.Api.Get<List<Member>>("/api/users")).Single(m => m.Email == email);

    private static ILocator Row(IPage page, string email) => page.Locator("#members-grid .rz-data-row", new() { HasText = email });

    private static Task Confirm(IPage page) => PortalPages.Confirm(page);

    [Fact]
    public async Task The_admin_edits_the_company_profile_and_the_header_shows_the_new_name_after_a_reload()
    {
        var (_, email) = await _pages.SignUpNewCompany("罗庄建材商行");
        var page = await _pages.SignedIn(email, "Wujin2026");
        await _pages.Open(page, "/app/settings/company");
        await Assertions.Expect(page.Locator("#company-name")).ToHaveValueAsync("罗庄建材商行");
        await Assertions.Expect(page.Locator("#company-contact")).ToHaveValueAsync("赵老板");

        await page.FillAsync("#company-name", "");
        await page.FillAsync("#company-tax-id", "91371302MA3CL8K2X0");
        await page.ClickAsync("#save-company");
        await Assertions.Expect(page.Locator("#error-name")).ToContainTextAsync("请填写公司名称");
        await Assertions.Expect(page.Locator("#error-taxId")).ToContainTextAsync("统一社会信用代码");

        await page.FillAsync("#company-name", "临沂罗庄建材有限公司");
        await page.FillAsync("#company-tax-id", "91371302MA3CL8K2XE");
        await page.FillAsync("#company-phone", "0539-8123456");
        await page.FillAsync("#company-address", "山东省临沂市罗庄区建材城 6 号");
        await page.FillAsync("#company-bank", "临沂农商银行罗庄支行");
        await page.FillAsync("#company-bank-account", "6230 1234 5678");
        await page.ClickAsync("#save-company");
        await Assertions.Expect(page.Locator("#company-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#company")).ToHaveTextAsync("临沂罗庄建材有限公司");
        await Chromium.Screenshot(page, "settings-company");

        await page.ReloadAsync();
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("#company")).ToHaveTextAsync("临沂罗庄建材有限公司");
        await Assertions.Expect(page.Locator("#company-tax-id")).ToHaveValueAsync("91371302MA3CL8K2XE");
        await Assertions.Expect(page.Locator("#company-bank-account")).ToHaveValueAsync("6230 1234 5678");
        await _pages.Open(page, "/app/settings/audit");
        await Assertions.Expect(page.Locator("#audit-grid")).ToContainTextAsync("修改企业信息");
    }

    [Fact]
    public async Task The_admin_creates_a_role_scoped_to_one_warehouse_in_the_matrix_and_the_member_given_it_sees_only_that()
    {
        var member = await NewDemoMember("jn-shipper");
        var roleName = "济南发货" + Guid.NewGuid().ToString("N")[..4];
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/settings/roles");

        await page.ClickAsync("#role-template");
        await page.Locator(".rz-popup:visible .rz-dropdown-item", new() { HasText = "仓储" }).ClickAsync();
        // The choice is on the server once the dropdown shows it (the page renders there).
        await Assertions.Expect(page.Locator("div#role-template")).ToContainTextAsync("仓储");
        await page.ClickAsync("#new-role");
        await page.ClickAsync("#save-role");
        await Assertions.Expect(page.Locator("#error-name")).ToContainTextAsync("请填写角色名称");
        await page.FillAsync("#role-name", roleName);
        await page.Locator("#area-inventory").GetByText("入库/调整/调拨").ClickAsync();
        await page.Locator("#role-scope").GetByText("指定仓库").ClickAsync();
        await page.Locator("#role-warehouses").GetByText(OmsClient.JinanWarehouse).ClickAsync();
        await Chromium.Screenshot(page, "settings-roles");
        await page.ClickAsync("#save-role");
        await Assertions.Expect(page.Locator("#roles-grid")).ToContainTextAsync(roleName);
        await Assertions.Expect(page.Locator("#role-editor")).ToHaveCountAsync(0);

        await _pages.Open(page, "/app/settings/users");
        await Row(page, member).Locator(".member-edit").ClickAsync();
        await page.Locator("#member-roles").GetByText("销售", new() { Exact = true }).ClickAsync();
        await page.Locator("#member-roles").GetByText(roleName).ClickAsync();
        await page.ClickAsync("#save-member-roles");
        await Assertions.Expect(Row(page, member)).ToContainTextAsync(roleName);
        await Assertions.Expect(Row(page, member)).Not.ToContainTextAsync("销售");

        var role = (await portal.Api.Get<List<Role>>("/api/roles")).Single(r => r.Name == roleName);
        Assert.Equal(["orders.view", "orders.ship", "inventory.view"], role.Permissions);
        Assert.Equal([OmsClient.JinanWarehouse], role.Warehouses);
        Assert.Equal([role.Id], (await DemoMember(member)).RoleIds);

        var theirs = await _pages.SignedIn(member, Password);
        var menu = theirs.Locator(".rz-sidebar");
        await Assertions.Expect(menu).ToContainTextAsync("库存");
        await Assertions.Expect(menu).Not.ToContainTextAsync("财务");
        await Assertions.Expect(menu).Not.ToContainTextAsync("设置");
        await _pages.Open(theirs, "/app/inventory");
        await Assertions.Expect(theirs.Locator("#stock-grid")).ToContainTextAsync(OmsClient.JinanWarehouse);
        await Assertions.Expect(theirs.Locator("#stock-grid")).Not.ToContainTextAsync(OmsClient.MainWarehouse);
        await _pages.Open(theirs, "/app/settings/roles");
        await Assertions.Expect(theirs.Locator("#forbidden")).ToContainTextAsync("403");
    }

    [Fact]
    public async Task A_deactivated_member_cannot_sign_in_until_reactivated()
    {
        var member = await NewDemoMember("leaver");
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/settings");
        await Assertions.Expect(Row(page, member).Locator(".member-2fa")).ToHaveTextAsync("未开启");

        await Row(page, member).Locator(".member-deactivate").ClickAsync();
        await Confirm(page);
        await Assertions.Expect(Row(page, member).Locator(".member-status")).ToHaveTextAsync("已停用");
        await Chromium.Screenshot(page, "settings-users");
        Assert.False((await DemoMember(member)).Active);

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync(_pages.BaseUrl + "/app");
        await signIn.FillAsync("#email", member);
        await signIn.FillAsync("#password", Password);
        await signIn.ClickAsync("button[type=submit]");
        await Assertions.Expect(signIn.Locator(".error")).ToContainTextAsync("没有可用的公司");

        await Row(page, member).Locator(".member-activate").ClickAsync();
        await Confirm(page);
        await Assertions.Expect(Row(page, member).Locator(".member-status")).ToHaveTextAsync("在用");
        Assert.True((await DemoMember(member)).Active);
        var back = await _pages.SignedIn(member, Password);
        Assert.Equal("临沂示例商贸", await back.Locator("#company").InnerTextAsync());
    }

    [Fact]
    public async Task A_member_turns_on_two_factor_on_the_account_page_and_the_next_sign_in_asks_for_a_code()
    {
        var member = await NewDemoMember("totp");
        var page = await _pages.SignedIn(member, Password);
        await page.ClickAsync("#my-account");
        await page.WaitForURLAsync(_pages.BaseUrl + "/app/account");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("#twofactor-status")).ToContainTextAsync("未开启");

        await page.ClickAsync("#start-2fa");
        var key = await page.Locator("#totp-key").InnerTextAsync();
        await Assertions.Expect(page.Locator("#totp-uri")).ToContainTextAsync($"otpauth://totp/CloudOMS:{Uri.EscapeDataString(member)}?secret={key}");
        await Assertions.Expect(page.Locator("svg#totp-qr")).ToBeVisibleAsync();
        await Chromium.Screenshot(page, "account-2fa");
        await page.FillAsync("#totp-code", Totp.WrongCode(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("#enable-2fa");
        await Assertions.Expect(page.Locator("#error-code")).ToContainTextAsync("验证码不正确");
        await page.FillAsync("#totp-code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("#enable-2fa");
        await Assertions.Expect(page.Locator("#twofactor-status")).ToContainTextAsync("已开启");
        Assert.True((await DemoMember(member)).TwoFactorEnabled);

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var next = await context.NewPageAsync();
        await next.GotoAsync(_pages.BaseUrl + "/app");
        await next.FillAsync("#email", member);
        await next.FillAsync("#password", Password);
        await next.ClickAsync("button[type=submit]");
        await Assertions.Expect(next.Locator("h1")).ToContainTextAsync("两步验证");
        await next.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
        await next.ClickAsync("button[type=submit]");
        await next.WaitForURLAsync(_pages.BaseUrl + "/app");
        await Assertions.Expect(next.Locator("#company")).ToHaveTextAsync("临沂示例商贸");
    }

    [Fact]
    public async Task The_admin_invites_under_a_labelled_role_sees_the_invitation_pending_and_revokes_it_so_its_link_says_so()
    {
        var email = $"pending-{Guid.NewGuid():N}"[..20] + "@example.cn";
        var page = await _pages.SignedIn("admin@demo.cloudoms.cn");
        await _pages.Open(page, "/app/settings");
        await Assertions.Expect(page.Locator("label[for=invite-role]")).ToHaveTextAsync("角色");
        await page.FillAsync("#invite-email", email);
        await page.ClickAsync("#invite-role");
        await page.Locator(".rz-popup:visible .rz-dropdown-item", new() { HasText = "销售" }).ClickAsync();
        await Assertions.Expect(page.Locator("div#invite-role")).ToContainTextAsync("销售");
        await page.ClickAsync("#invite");

        var row = page.Locator("#invitations-grid .rz-data-row", new() { HasText = email });
        await Assertions.Expect(row.Locator(".invitation-roles")).ToHaveTextAsync("销售");
        await Assertions.Expect(row).ToContainTextAsync("admin@demo.cloudoms.cn");
        await Chromium.Screenshot(page, "settings-invitations");
        var link = _pages.LinkFromMail(email, "/account/invite");
        await row.Locator(".invitation-revoke").ClickAsync();
        await Confirm(page);
        await Assertions.Expect(page.Locator("#invitation-notice")).ToContainTextAsync(email);
        await Assertions.Expect(row).ToHaveCountAsync(0);

        var invited = await chromium.NewPage();
        await invited.GotoAsync(link);
        await Assertions.Expect(invited.Locator(".error")).ToContainTextAsync("已被撤销");
    }

    [Fact]
    public async Task A_member_changes_the_password_on_the_account_page_after_a_wrong_current_one_is_refused_and_only_that_browser_stays_signed_in()
    {
        var member = await NewDemoMember("newpass");
        var elsewhere = await _pages.SignedIn(member, Password);
        var page = await _pages.SignedIn(member, Password);
        await _pages.Open(page, "/app/account");
        await Assertions.Expect(page.Locator("#password-rules")).ToContainTextAsync("至少 8 位");

        await page.FillAsync("#current-password", "Not-mine-2026");
        await page.FillAsync("#new-password", "Xinmima2027");
        await page.FillAsync("#confirm-password", "Xinmima2027");
        await page.ClickAsync("#change-password");
        await Assertions.Expect(page.Locator("#error-currentPassword")).ToHaveTextAsync("当前密码不正确");
        await page.FillAsync("#current-password", Password);
        await page.ClickAsync("#change-password");
        // This browser is signed in again with the new password and comes back to the notice.
        await page.WaitForURLAsync(_pages.BaseUrl + "/app/account?password=changed");
        await Assertions.Expect(page.Locator("#password-notice")).ToBeVisibleAsync();

        // This browser goes on working; the one signed in before the change must sign in again.
        await _pages.Open(page, "/app/orders");
        await Assertions.Expect(page.Locator("#company")).ToHaveTextAsync("临沂示例商贸");
        await elsewhere.GotoAsync(_pages.BaseUrl + "/app/orders");
        await Assertions.Expect(elsewhere.Locator("#password")).ToBeVisibleAsync();
        Assert.Contains("/account/login", elsewhere.Url);
        var again = await _pages.SignedIn(member, "Xinmima2027");
        await Assertions.Expect(again.Locator("#company")).ToHaveTextAsync("临沂示例商贸");
    }
}
