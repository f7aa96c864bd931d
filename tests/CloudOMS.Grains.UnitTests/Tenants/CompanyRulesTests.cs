namespace CloudOMS.Grains.UnitTests.Tenants;

public sealed class CompanyRulesTests
{
    private static CompanyDetails Details(string? taxId) => new("临沂通达商贸有限公司", taxId, "孙经理", "0539-7654321", null, null, null);

    [Theory]
    [InlineData("91371302MA3CL8K2XE")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91371302ma3cl8k2xe")]
    [InlineData(null)]
    public void Accepts_a_credit_code_with_its_check_character_or_none(string? taxId) =>
        Assert.False(CompanyRules.Validate(Details(taxId)).Any);

    [Theory]
    [InlineData("91371302MA3CL8K2X0")]
    [InlineData("91371302MA3CL8K2X")]
    [InlineData("91371302MA3CL8I2XE")]
    [InlineData("913713-2MA3CL8K2XE")]
    public void Refuses_a_credit_code_of_the_wrong_length_alphabet_or_check_character(string taxId) =>
        Assert.Contains("taxId", CompanyRules.Validate(Details(taxId)).ToDictionary().Keys);

    [Fact]
    public void Apply_trims_upper_cases_the_code_keeps_plan_and_creation_and_blanks_become_null()
    {
        var created = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var profile = new TenantProfile("t1", "旧名", "trial", created, "91350100M000100Y43", "旧联系人", "1", "旧地址", "旧银行", "1");

        var applied = CompanyRules.Apply(profile, new CompanyDetails(" 新名 ", "91371302ma3cl8k2xe", "孙经理", " ", null, "", null));

        Assert.Equal(new TenantProfile("t1", "新名", "trial", created, "91371302MA3CL8K2XE", "孙经理", null, null, null, null), applied);
    }
}
