using Microsoft.AspNetCore.DataProtection;
using System.Text.Json;
using CloudOMS.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CloudOMS.WebPortal.Tests.Portal;

[Collection(StockPortal.Name)]
public sealed class PortalHostTests(PortalFactory portal)
{
    [Fact]
    public async Task Client_talks_HTTP_to_a_real_Kestrel_server_on_a_loopback_port()
    {
        var address = portal.ClientOptions.BaseAddress;
        Assert.Equal("http", address.Scheme);
        Assert.True(address.IsLoopback, $"Base address {address} is not loopback");
        Assert.NotEqual(80, address.Port);
        Assert.NotEqual(5080, address.Port);

        // An independent client with its own socket handler reaches the same server: it is really listening.
        using var outsider = new HttpClient { BaseAddress = address };
        var response = await outsider.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(address, portal.Api.Http.BaseAddress);
    }

    [Theory]
    [InlineData("_content/Radzen.Blazor/css/material-base.css", "text/css")]
    [InlineData("_content/Radzen.Blazor/Radzen.Blazor.js", "text/javascript")]
    [InlineData("_framework/blazor.web.js", "text/javascript")]
    public async Task Portal_serves_its_styles_and_scripts_in_production(string path, string contentType)
    {
        var response = await portal.Api.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 10_000, $"{path} is served empty");
        Assert.Equal("Production", portal.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().EnvironmentName);
    }

    [Fact, Trait(StorageRounds.Trait, StorageRounds.Fixed)]
    public void A_restarted_or_second_portal_reads_what_this_one_protected_with_the_key_ring_in_the_data_folder()
    {
        var protector = portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cloudoms.tests");
        var sealedText = protector.Protect("临沂总仓");

        // Another process: its own provider over the same folder, as a restart or a second instance would have.
        var keys = new DirectoryInfo(CloudOMS.Identity.IdentityHostingExtensions.DataProtectionKeys(portal.DataDirectory));
        Assert.NotEmpty(keys.GetFiles("key-*.xml"));
        var other = DataProtectionProvider.Create(keys,
            o => o.SetApplicationName(CloudOMS.Identity.IdentityHostingExtensions.DataProtectionApplication));
        Assert.Equal("临沂总仓", other.CreateProtector("cloudoms.tests").Unprotect(sealedText));
    }

    [Fact, Trait(StorageRounds.Trait, StorageRounds.Fixed)]
    public void Each_portal_has_its_own_data_folder_silo_ports_and_cluster()
    {
        var options = portal.Services.GetRequiredService<IOptions<CloudOmsOptions>>().Value;
        Assert.Equal(portal.DataDirectory, options.DataDirectory);
        Assert.True(File.Exists(Path.Combine(portal.DataDirectory, "grains.db")), "grain store not in the factory's folder");

        var endpoints = portal.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(portal.SiloPort, endpoints.SiloPort);
        Assert.Equal(portal.GatewayPort, endpoints.GatewayPort);
        Assert.Equal(portal.ClusterId, portal.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId);
    }

    [Fact]
    public async Task Home_page_answers_html()
    {
        var response = await portal.Api.Get("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CloudOMS", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_order_routes()
    {
        var response = await portal.Api.Get("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/orders", paths);
        Assert.Contains("/api/orders/{orderId}", paths);
        Assert.Contains("/api/orders/{orderId}/approve", paths);
        Assert.Contains("/api/orders/{orderId}/ship", paths);
        Assert.Contains("/api/orders/{orderId}/payments", paths);
        var orders = document.RootElement.GetProperty("paths").GetProperty("/api/orders");
        Assert.True(orders.TryGetProperty("get", out _), "GET /api/orders missing");
        Assert.True(orders.TryGetProperty("post", out _), "POST /api/orders missing");
    }
}
