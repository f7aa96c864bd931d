using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CloudOMS.Identity;

/// <summary>Brings the identity database up to date and registers the configured interactive OIDC clients.</summary>
public sealed class IdentityStartup(IServiceProvider services, IOptions<CloudOmsIdentityOptions> options, ILogger<IdentityStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await IdentityMigrations.Apply(services.GetRequiredService<IdentityStore>(), logger, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in options.Value.Clients)
            await OidcClients.Upsert(manager, client, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registration of interactive (authorization code + PKCE) clients.</summary>
public static class OidcClients
{
    public const string FrontChannelLogoutProperty = "front_channel_logout_uri";

    public static async Task Upsert(IOpenIddictApplicationManager manager, OidcClientOptions client, CancellationToken cancellationToken = default)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = client.ClientSecret is null ? ClientTypes.Public : ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation, Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + "offline_access", Permissions.Prefixes.Scope + Access.OmsClaims.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        if (client.FrontChannelLogoutUri is not null) descriptor.Properties[FrontChannelLogoutProperty] = System.Text.Json.JsonSerializer.SerializeToElement(client.FrontChannelLogoutUri);

        if (await manager.FindByClientIdAsync(client.ClientId, cancellationToken) is { } existing)
            await manager.UpdateAsync(existing, descriptor, cancellationToken);
        else
            await manager.CreateAsync(descriptor, cancellationToken);
    }
}
