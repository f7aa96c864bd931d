using System.Collections;
using System.Globalization;
using System.Resources;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Tests.Ui;

public sealed class RadzenTextsTests
{
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");

    private static IEnumerable<string> RadzenKeys()
    {
        var resources = new ResourceManager("Radzen.Blazor.RadzenStrings", typeof(Radzen.ILocalizer).Assembly);
        return resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key);
    }

    [Theory]
    [InlineData("DataGrid_")]
    [InlineData("Pager_")]
    [InlineData("Dialog_")]
    [InlineData("DatePicker_")]
    [InlineData("DropDown_")]
    [InlineData("Tabs_")]
    public void Every_text_of_the_components_the_portal_uses_has_chinese(string component)
    {
        var texts = new RadzenTexts();
        var keys = RadzenKeys().Where(k => k.StartsWith(component, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(keys);
        var missing = keys.Where(k => texts.Get(k, Chinese) is not { Length: > 0 } text || text.Any(char.IsAsciiLetter) && !k.Contains("AriaLabel"))
            .ToList();
        Assert.True(missing.Count == 0, "No Chinese for: " + string.Join(", ", missing));
    }

    [Fact]
    public void English_keeps_radzens_own_texts_and_unknown_keys_fall_back()
    {
        var texts = new RadzenTexts();
        Assert.Equal("条/页", texts.Get("Pager_PageSizeText", Chinese));
        Assert.Null(texts.Get("Pager_PageSizeText", English));
        Assert.Null(texts.Get("NoSuchKey", Chinese));
    }
}
