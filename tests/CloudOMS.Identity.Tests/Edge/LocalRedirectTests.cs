using CloudOMS.Identity.Edge;

namespace CloudOMS.Identity.Tests.Edge;

/// <summary>The one check behind every redirect target a request supplies.</summary>
public sealed class LocalRedirectTests
{
    [Theory]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/app\\..\\/evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%5cevil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/app/%0d%0aSet-Cookie")]
    [InlineData("/\u0085/evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("~/app")]
    [InlineData(" /app")]
    [InlineData("")]
    [InlineData(null)]
    public void A_target_that_could_lead_off_the_host_falls_back_to_the_portal(string? target) =>
        Assert.Equal("/app", LocalRedirects.Target(target));

    [Theory]
    [InlineData("/app/orders?status=PendingReview")]
    [InlineData("/connect/authorize?client_id=c&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&state=%0A")]
    [InlineData("/")]
    [InlineData("/app#section")]
    public void A_local_path_is_kept_as_it_is(string target) => Assert.Equal(target, LocalRedirects.Target(target));

    [Fact]
    public void Characters_a_location_header_cannot_carry_are_percent_encoded() =>
        Assert.Equal("/app/orders?q=%E5%BC%A0%20%E4%B8%89", LocalRedirects.Target("/app/orders?q=张 三"));

    [Fact]
    public void A_caller_chooses_the_fallback() => Assert.Equal("/", LocalRedirects.Target("//evil.example", "/"));
}
