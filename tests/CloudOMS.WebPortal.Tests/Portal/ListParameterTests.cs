using System.Text.Json;

namespace CloudOMS.WebPortal.Tests.Portal;

/// <summary>Paging and filter parameters every list shares. These tests only read, so the lists hold still.</summary>
[Collection(StockPortal.Name)]
public sealed class ListParameterTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    [Theory]
    [InlineData("/api/orders")]
    [InlineData("/api/skus")]
    [InlineData("/api/stock")]
    [InlineData("/api/stock/movements")]
    public async Task A_page_far_beyond_the_end_is_an_empty_page(string list)
    {
        await _api.ReadModelCaughtUp();

        var page = await _api.Get<PageView<JsonElement>>($"{list}?page={int.MaxValue}");

        Assert.Empty(page.Items);
        Assert.True(page.Total > 0, $"{list} should still report the total");
    }

    [Fact]
    public async Task Page_size_is_clamped_to_the_allowed_range()
    {
        await _api.ReadModelCaughtUp();

        var huge = await _api.Orders("pageSize=100000");
        var zero = await _api.Orders("pageSize=0&page=0");

        Assert.Equal(200, huge.PageSize);
        Assert.Equal(200, huge.Items.Count); // the demo tenant has 200 orders
        Assert.Equal((1, 1), (zero.PageSize, zero.PageNumber));
        Assert.Single(zero.Items);
    }

    /// <summary>A search form sends its blank fields as empty parameters: they must mean "any", as missing ones do.</summary>
    [Theory]
    [InlineData("/api/orders?pageSize=5", "&status=&q=")]
    [InlineData("/api/orders?pageSize=5", "&channel=")]
    [InlineData("/api/orders?pageSize=5", "&warehouse=")]
    [InlineData("/api/stock?pageSize=5", "&skuCode=&warehouse=")]
    [InlineData("/api/stock/low", "?warehouse=")]
    [InlineData("/api/stock/movements?pageSize=5", "&skuCode=")]
    [InlineData("/api/skus?pageSize=5", "&search=")]
    public async Task Empty_filter_parameters_are_ignored_like_missing_ones(string list, string emptyFilters)
    {
        await _api.ReadModelCaughtUp();
        var unfiltered = await _api.Http.GetStringAsync(list);

        var response = await _api.Get(list + emptyFilters);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(unfiltered, await response.Content.ReadAsStringAsync());
    }
}
