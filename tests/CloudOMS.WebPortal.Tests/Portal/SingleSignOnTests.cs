using CloudOMS.Identity;
using CloudOMS.Identity.SampleClient;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace CloudOMS.WebPortal.Tests.Portal;

/// <summary>
/// The portal and a second, standard OIDC relying party share one sign-in: the second does not ask
/// for a password again, and signing out of one signs the user out of both.
/// </summary>
[Collection(StockPortal.Name)]
public sealed class SingleSignOnTests(PortalFactory portal) : IAsyncLifetime
{
    private WebApplication _sample = null!;
    private string _sampleUrl = "";

    public async Task InitializeAsync()
    {
        var identity = portal.Api.Http.BaseAddress!.ToString().TrimEnd('/');
        _sample = SampleClientApp.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration["Oidc:Authority"] = identity;
            b.Configuration["Oidc:RequireHttps"] = "false";
        });
        await _sample.StartAsync();
        _sampleUrl = _sample.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await using var scope = portal.Services.CreateAsyncScope();
        await OidcClients.Upsert(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), new OidcClientOptions
        {
            ClientId = "cloudoms-sample",
            DisplayName = "sample",
            RedirectUris = [_sampleUrl + "/signin-oidc"],
            PostLogoutRedirectUris = [_sampleUrl + "/signout-callback-oidc"],
            FrontChannelLogoutUri = _sampleUrl + "/signout-frontchannel",
        });
    }

    public async Task DisposeAsync() => await _sample.DisposeAsync();

    [Fact]
    public async Task One_sign_in_serves_the_portal_and_a_second_client_and_one_sign_out_ends_both()
    {
        using var browser = new Browser();
        var portalUrl = portal.Api.Http.BaseAddress!.ToString().TrimEnd('/');

        await browser.Go(portalUrl + "/app");
        Assert.Equal("/account/login", browser.Location.AbsolutePath);
        await browser.Submit(("email", "admin@demo.cloudoms.cn"), ("password", "Demo@2026"));
        Assert.True(browser.Location.AbsolutePath.TrimEnd('/') == "/app", $"{browser.Location} {browser.Status}: {browser.Html}");
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/signin-oidc");

        await browser.Go(_sampleUrl + "/");
        Assert.Equal(System.Net.HttpStatusCode.OK, browser.Status);
        Assert.Contains("signed in as 王经理 of demo", browser.Html);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/connect/authorize");
        Assert.DoesNotContain(browser.Visited, u => u.AbsolutePath == "/account/login");

        await browser.Go(portalUrl + "/portal/signout");
        Assert.Equal("/portal/signout", browser.Location.AbsolutePath);
        await browser.Submit();
        Assert.Equal("/connect/endsession", browser.Location.AbsolutePath);
        var frames = browser.Frames();
        Assert.Contains(frames, f => f.ToString() == _sampleUrl + "/signout-frontchannel");
        foreach (var frame in frames) await browser.Go(frame.ToString());

        await browser.Go(_sampleUrl + "/");
        Assert.Equal("/account/login", browser.Location.AbsolutePath);
        await browser.Go(portalUrl + "/app");
        Assert.Equal("/account/login", browser.Location.AbsolutePath);
    }
}
