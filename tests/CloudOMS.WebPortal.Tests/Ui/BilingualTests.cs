using System.Globalization;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Tests.Ui;

public sealed class BilingualTests
{
    [Theory]
    [InlineData("zh-CN", "请填写有效的运单号 / a valid tracking number is required", "请填写有效的运单号")]
    [InlineData("en", "请填写有效的运单号 / a valid tracking number is required", "a valid tracking number is required")]
    [InlineData("en", "角色“生产/采购”仍有成员", "角色“生产/采购”仍有成员")]
    [InlineData("zh-CN", "未知承运商，可选：sf、jd / unknown carrier", "未知承运商，可选：sf、jd")]
    public void A_two_language_message_shows_in_the_users_language(string culture, string message, string shown)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(shown, Bilingual.InUserLanguage(message));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
