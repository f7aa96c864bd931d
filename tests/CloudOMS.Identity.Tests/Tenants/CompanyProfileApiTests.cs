namespace CloudOMS.Identity.Tests.Tenants;

/// <summary>GET/PUT /api/tenant/profile: the company's name and invoice details, edited by a tenant admin only.</summary>
[Collection(AdminPortal.Name)]
public sealed class CompanyProfileApiTests(IdentityPortal portal)
{
    // A valid unified social credit code (GB 32100-2015 check character), Linyi Lanshan district.
    private const string CreditCode = "91371302MA3CL8K2XE";

    private static CompanyBody Valid(string name) =>
        new(name, CreditCode, "孙经理", "0539-7654321", "山东省临沂市兰山区通达路 8 号", "临沂银行兰山支行", "6222 0211 0000 8888");

    private static async Task<List<AuditEntryView>> Audit(OmsClient admin, string action) =>
        [.. (await admin.Get<AuditPageView>("/api/audit?pageSize=200")).Items.Where(a => a.Action == action)];

    [Fact]
    public async Task Admin_saves_the_profile_and_reads_it_back_with_the_new_name_in_the_company_list_and_an_audit_entry()
    {
        var (company, admin) = await portal.NewCompany();
        var before = await admin.Get<CompanyProfileView>("/api/tenant/profile");
        Assert.Equal(company.Name, before.Name);
        Assert.Equal("张测试", before.ContactName);

        var saved = await OmsClient.Read<CompanyProfileView>(await admin.Put("/api/tenant/profile", Valid("临沂通达商贸有限公司") with { TaxId = CreditCode.ToLowerInvariant() }), HttpStatusCode.OK);

        var read = await admin.Get<CompanyProfileView>("/api/tenant/profile");
        Assert.Equal(saved, read);
        Assert.Equal(("临沂通达商贸有限公司", CreditCode, "孙经理", "0539-7654321"), (read.Name, read.TaxId, read.ContactName, read.Phone));
        Assert.Equal(("临沂银行兰山支行", "6222 0211 0000 8888"), (read.BankName, read.BankAccount));
        Assert.Equal((company.Slug, before.CreatedAt), (read.TenantId, read.CreatedAt));
        Assert.Equal("临沂通达商贸有限公司", (await admin.Get<MeView>("/api/me")).Tenants.Single(t => t.Id == company.Slug).Name);
        var entry = Assert.Single(await Audit(admin, "tenant.profile-changed"));
        Assert.Equal((company.Email, "临沂通达商贸有限公司"), (entry.Actor, entry.Target));
        Assert.Contains("taxId", entry.Detail);
    }

    [Fact]
    public async Task Bad_input_gets_400_with_every_field_error_and_changes_nothing()
    {
        var (company, admin) = await portal.NewCompany();

        var response = await admin.Put("/api/tenant/profile", new CompanyBody(" ", "91371302MA3CL8K2X0", "", "0539-abc", new string('路', 201), null, "6222-xx"));

        var problem = await OmsClient.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal(["address", "bankAccount", "contactName", "name", "phone", "taxId"], problem.Errors!.Keys.Order());
        Assert.Contains("统一社会信用代码", problem.Errors["taxId"][0]);
        Assert.Contains("请填写公司名称", problem.Errors["name"][0]);
        Assert.Equal(company.Name, (await admin.Get<CompanyProfileView>("/api/tenant/profile")).Name);
        Assert.Empty(await Audit(admin, "tenant.profile-changed"));
        await OmsClient.Problem(await admin.Put("/api/tenant/profile", new { name = "x", contactName = "y", taxId = 12 }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Member_without_the_users_permission_may_read_the_profile_but_gets_403_on_saving_it()
    {
        var (company, admin) = await portal.NewCompany();
        var email = Companies.NewEmail("finance");
        await portal.Invite(admin, "财务", email);
        var finance = await portal.SignInApi(email, Companies.Password);

        var refused = await finance.Put("/api/tenant/profile", Valid("财务改的名字"));

        var problem = await OmsClient.Problem(refused, HttpStatusCode.Forbidden);
        Assert.Contains("users.manage", problem.Detail);
        Assert.Equal(company.Name, (await finance.Get<CompanyProfileView>("/api/tenant/profile")).Name);
        Assert.Empty(await Audit(admin, "tenant.profile-changed"));
    }
}
