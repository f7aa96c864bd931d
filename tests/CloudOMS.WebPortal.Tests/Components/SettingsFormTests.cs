using Bunit;
using CloudOMS.Grains;
using CloudOMS.Identity.Admin;
using CloudOMS.WebPortal.Settings.Pages;
using CloudOMS.WebPortal.Settings;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>The company profile form and the role editor refuse bad input in Chinese, under the field, before anything is saved.</summary>
public sealed class SettingsFormTests : IDisposable
{
    private const string ValidCreditCode = "91371302MA3CL8K2XE";
    private readonly BunitContext _context = PortalComponents.New();
    private readonly List<object> _saved = [];

    public SettingsFormTests()
    {
    }

    private IRenderedComponent<CompanyProfileForm> CompanyForm(CompanyDetails initial) =>
        _context.Render<CompanyProfileForm>(p => p.Add(c => c.Initial, initial)
            .Add(c => c.Save, details => { _saved.Add(details); return Task.FromResult(AdminResult.Done()); }));

    private IRenderedComponent<RoleEditor> RoleEditor(RoleInput initial) =>
        _context.Render<RoleEditor>(p => p.Add(c => c.Initial, initial)
            .Add(c => c.Warehouses, [new RoleEditor.Choice("LY-MAIN", "LY-MAIN 临沂总仓"), new RoleEditor.Choice("JN-01", "JN-01 济南仓")])
            .Add(c => c.Save, input => { _saved.Add(input); return Task.FromResult(AdminResult.Done()); }));

    [Fact]
    public void Company_form_without_a_name_and_with_a_wrong_credit_code_shows_both_messages_and_saves_nothing()
    {
        var form = CompanyForm(new CompanyDetails("", "91371302MA3CL8K2X0", "赵老板", "0539-8888888", null, null, "6222 abc"));

        form.Find("#save-company").Click();

        Assert.Contains("请填写公司名称", form.Find("#error-name").TextContent);
        Assert.Contains("统一社会信用代码应为 18 位", form.Find("#error-taxId").TextContent);
        Assert.Contains("银行账号只能包含数字", form.Find("#error-bankAccount").TextContent);
        Assert.Empty(form.FindAll("#error-phone"));
        Assert.Empty(form.FindAll("#company-saved"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void Company_form_with_valid_details_hands_them_to_save_and_says_so()
    {
        var form = CompanyForm(new CompanyDetails("兰山五金批发部", ValidCreditCode, "赵老板", "0539-8888888", "临沂市兰山区五金城 1 号", "临沂银行兰山支行", "6222 0000 1111"));

        form.Find("#save-company").Click();

        var saved = Assert.IsType<CompanyDetails>(Assert.Single(_saved));
        Assert.Equal(ValidCreditCode, saved.TaxId);
        Assert.Contains("公司信息已保存", form.Find("#company-saved").TextContent);
        Assert.Empty(form.FindAll(".rz-messages-error"));
    }

    [Fact]
    public void Role_editor_without_a_name_or_any_permission_shows_chinese_messages_and_saves_nothing()
    {
        var editor = RoleEditor(new RoleInput(" ", [], []));

        editor.Find("#save-role").Click();

        Assert.Contains("请填写角色名称", editor.Find("#error-name").TextContent);
        Assert.Contains("请至少选择一项权限", editor.Find("#error-permissions").TextContent);
        Assert.Empty(_saved);
    }

    [Fact]
    public void Role_editor_scoped_to_chosen_warehouses_needs_at_least_one_of_them()
    {
        var editor = RoleEditor(new RoleInput("临沂仓管", ["orders.view"], []));
        editor.FindAll("#role-scope .rz-radio-btn").Single(b => b.TextContent.Contains("指定仓库")).Click();
        Assert.Contains("济南仓", editor.Find("#role-warehouses").TextContent);

        editor.Find("#save-role").Click();

        Assert.Contains("请至少选择一个仓库", editor.Find("#error-warehouses").TextContent);
        Assert.Empty(_saved);
    }

    [Fact]
    public void Role_editor_shows_every_permission_of_the_catalogue_once_grouped_by_area()
    {
        var editor = RoleEditor(new RoleInput("销售", ["orders.view", "orders.edit"], []));

        var codes = PermissionAreas.All.SelectMany(a => a.Codes).ToList();
        Assert.Equal(CloudOMS.Identity.Access.Permissions.All.Select(p => p.Code).Order(), codes.Order());
        Assert.Equal(PermissionAreas.All.Count, editor.FindAll("#role-matrix tr").Count);
        Assert.Contains("查看订单", editor.Find("#area-orders").TextContent);

        editor.Find("#save-role").Click();
        var saved = Assert.IsType<RoleInput>(Assert.Single(_saved));
        Assert.Equal(["orders.view", "orders.edit"], saved.Permissions);
        Assert.Empty(saved.Warehouses!);
    }

    [Fact]
    public void An_admin_switches_auto_approve_on_and_the_form_saves_it_and_says_so()
    {
        var form = _context.Render<OrderReviewForm>(p => p.Add(c => c.Initial, OrderReviewSettings.ByHand)
            .Add(c => c.Save, settings => { _saved.Add(settings); return Task.FromResult(AdminResult.Done(settings)); }));
        Assert.Contains("自动审核：库存充足时自动审核通过", form.Find("#order-review-form").TextContent);

        form.Find("#order-review-auto").Click();
        form.Find("#save-order-review").Click();

        Assert.Equal(new OrderReviewSettings(AutoApprove: true), Assert.Single(_saved));
        Assert.Contains("审核设置已保存", form.Find("#order-review-saved").TextContent);
    }

    public void Dispose() => _context.Dispose();
}
