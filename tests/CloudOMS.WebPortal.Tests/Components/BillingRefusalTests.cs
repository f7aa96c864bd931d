using System.Globalization;
using Bunit;
using CloudOMS.Grains;
using CloudOMS.Texts;
using CloudOMS.WebPortal.Billing.Pages;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>The plan-limit refusal shown on the pages: only billing refusals, in the user's language.</summary>
public sealed class BillingRefusalTests : IDisposable
{
    private readonly BunitContext _context = PortalComponents.New();

    [Fact]
    public void A_quota_refusal_shows_in_the_users_language_and_other_refusals_are_left_to_the_page()
    {
        var quota = CommandException.Quota(UsageKind.Warehouses, Text.Translated(new Dictionary<string, string>
        {
            ["zh-CN"] = "仓库数已达套餐上限（1 个），请升级套餐后继续",
            ["en"] = "warehouses reached your plan's limit (1): upgrade your plan to add more",
        }));
        var invalid = CommandException.Invalid("name", Text.Verbatim("name is required"));

        var shown = _context.Render<BillingRefusal>(p => p.Add(c => c.Error, BillingRefusal.Of(quota)));

        Assert.Equal("仓库数已达套餐上限（1 个），请升级套餐后继续", MessageIn("zh-CN", quota));
        Assert.Equal("warehouses reached your plan's limit (1): upgrade your plan to add more", MessageIn("en", quota));
        // Rendered alone there is no session: nobody is known to manage billing, so no upgrade button.
        Assert.Empty(shown.FindAll("#billing-refusal-upgrade"));
        Assert.Null(BillingRefusal.Of(invalid));
        Assert.Same(quota, BillingRefusal.Of(quota));
        Assert.NotNull(BillingRefusal.Of(new CommandException(FailureKind.PaymentRequired, Text.Verbatim("read-only"))));
        Assert.Empty(_context.Render<BillingRefusal>(p => p.Add(c => c.Error, null)).Markup.Trim());
    }

    /// <summary>The refusal's message as the component shows it to a user of <paramref name="culture"/>.</summary>
    private string MessageIn(string culture, CommandException refusal)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return _context.Render<BillingRefusal>(p => p.Add(c => c.Error, BillingRefusal.Of(refusal))).Find("#billing-refusal-message").TextContent;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public void Dispose() => _context.Dispose();
}
