using System.Text;

namespace CloudOMS.Identity.Tests.Access;

/// <summary>A JSON route sent another content type answers 415 with a problem saying so, whoever asks.</summary>
[Collection(AdminPortal.Name)]
public sealed class ContentTypeTests(IdentityPortal portal)
{
    private static StringContent Text(string body, string mediaType) => new(body, Encoding.UTF8, mediaType);

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_member_posting_another_content_type_to_a_json_route_gets_415(string mediaType)
    {
        var response = await portal.DemoApi.Http.PostAsync("/api/warehouses", Text("""{"code":"X"}""", mediaType));

        var problem = await OmsClient.Problem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.Detail);
    }

    [Fact]
    public async Task An_anonymous_sign_up_in_another_content_type_gets_415()
    {
        using var http = portal.NewHttp();

        var response = await http.PostAsync("/api/signup", Text("companyName=x", "application/x-www-form-urlencoded"));

        await OmsClient.Problem(response, HttpStatusCode.UnsupportedMediaType);
    }
}
