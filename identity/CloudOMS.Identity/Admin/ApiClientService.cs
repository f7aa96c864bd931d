using System.Security.Cryptography;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CloudOMS.Identity.Admin;

public sealed record NewApiClient(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Permissions);

/// <summary>Client-credentials clients for integrations. The secret is shown once; OpenIddict stores only its hash.</summary>
public sealed class ApiClientService(IdentityDb db, IOpenIddictApplicationManager applications, IAccessChanges changes, TimeProvider clock)
{
    public async Task<NewApiClient> Create(string tenantId, string name, IReadOnlyList<string> permissions, string? secret = null, string? clientId = null)
    {
        clientId ??= $"{tenantId}-{RandomNumberGenerator.GetHexString(12, lowercase: true)}";
        secret ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.Endpoints.Revocation,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials, OpenIddictConstants.Permissions.Prefixes.Scope + OmsClaims.ApiScope,
            },
        });
        db.ApiClients.Add(new ApiClient { ClientId = clientId, TenantId = tenantId, Name = name, Permissions = [.. permissions.Distinct()], CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return new NewApiClient(clientId, secret, name, permissions);
    }

    /// <summary>Revokes the client: no new tokens, and tokens already issued stop working at once.</summary>
    public async Task<bool> Revoke(string tenantId, string clientId)
    {
        var client = db.ApiClients.FirstOrDefault(c => c.ClientId == clientId && c.TenantId == tenantId);
        if (client is null) return false;
        client.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
        if (await applications.FindByClientIdAsync(clientId) is { } application) await applications.DeleteAsync(application);
        // OpenIddict commits the deletion of the application and its tokens synchronously: wait for every instance here.
        await changes.Published();
        return true;
    }
}
