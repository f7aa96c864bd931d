using Bunit;
using CloudOMS.Grains;
using CloudOMS.WebPortal.Components;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>The plan-limit refusal shown on the pages: only billing refusals, in the user's language.</summary>
public sealed class BillingRefusalTests : IDisposable
{
    private readonly BunitContext _context = new();

    public BillingRefusalTests()
    {
        _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        _context.Services.AddRadzenComponents();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_quota_refusal_shows_its_chinese_half_and_other_refusals_are_left_to_the_page()
    {
        var quota = CommandException.Quota(UsageKind.Warehouses, "仓库数已达套餐上限（1 个），请升级套餐后继续 / warehouses reached your plan's limit (1): upgrade your plan to add more");
        var invalid = CommandException.Invalid("name", "请填写名称 / name is required");

        var shown = _context.Render<BillingRefusal>(p => p.Add(c => c.Error, BillingRefusal.Of(quota)));

        Assert.Equal("仓库数已达套餐上限（1 个），请升级套餐后继续", shown.Find("#billing-refusal-message").TextContent);
        // Rendered alone there is no session: nobody is known to manage billing, so no upgrade button.
        Assert.Empty(shown.FindAll("#billing-refusal-upgrade"));
        Assert.Null(BillingRefusal.Of(invalid));
        Assert.Same(quota, BillingRefusal.Of(quota));
        Assert.NotNull(BillingRefusal.Of(new CommandException(FailureKind.PaymentRequired, "只读 / read-only")));
        Assert.Empty(_context.Render<BillingRefusal>(p => p.Add(c => c.Error, null)).Markup.Trim());
    }

    public void Dispose() => _context.Dispose();
}
