using System.Text.Json;
using CloudOMS.Silo.Operations;

namespace CloudOMS.WebPortal.Tests.Operations;

/// <summary>The probes an orchestrator uses: unauthenticated, out of the API description, honest about the databases.</summary>
public sealed class HealthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/healthz")]
    public async Task Live_answers_200_without_signing_in(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = portal.Api.Http.BaseAddress };
        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await Body(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_answers_200_listing_the_databases_the_silo_and_the_projection()
    {
        using var anonymous = new HttpClient { BaseAddress = portal.Api.Http.BaseAddress };
        var response = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Body(response);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(
            [HealthChecks.GrainStore, HealthChecks.Silo, HealthChecks.ReadModel, HealthChecks.Projection],
            body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(body.GetProperty("checks").EnumerateArray(), c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));
        Assert.Empty(body.GetProperty("failing").EnumerateArray());
    }

    [Fact, Trait(StorageRounds.Trait, StorageRounds.Fixed)]
    public async Task Ready_answers_503_naming_the_databases_while_the_data_folder_is_gone_and_recovers_when_it_is_back()
    {
        using var anonymous = new HttpClient { BaseAddress = portal.Api.Http.BaseAddress };
        var away = portal.DataDirectory + ".away";
        Directory.Move(portal.DataDirectory, away);
        try
        {
            var response = await anonymous.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = await Body(response);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            Assert.Equal([HealthChecks.GrainStore, HealthChecks.ReadModel],
                body.GetProperty("failing").EnumerateArray().Select(f => f.GetString()!).Order(StringComparer.Ordinal));
            var silo = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == HealthChecks.Silo);
            Assert.Equal("Healthy", silo.GetProperty("status").GetString());
            Assert.DoesNotContain(portal.DataDirectory, body.ToString());
            // Liveness does not depend on the databases: restarting the process would not bring them back.
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            Directory.Move(away, portal.DataDirectory);
        }

        var again = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_are_not_in_the_API_description()
    {
        var document = await portal.Api.Http.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/orders", document);
        Assert.DoesNotContain("/health", document);
        Assert.DoesNotContain("/ops/", document);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
