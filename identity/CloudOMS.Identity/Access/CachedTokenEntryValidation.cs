using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace CloudOMS.Identity.Access;

/// <summary>
/// OpenIddict's token entry check (a revoked or deleted access token stops at once), answered from
/// <see cref="AccessCache"/> once the entry was seen valid: it takes the place of
/// <c>EnableTokenEntryValidation</c>, which read the entry from the database on every call. Runs after the
/// signature, lifetime and audience checks, where OpenIddict's own would. A token without an entry id (token
/// storage off) is not checked, as before.
/// </summary>
public sealed class CachedTokenEntryValidation(AccessCache cache, TimeProvider clock, IServiceProvider services)
    : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseScopedHandler<CachedTokenEntryValidation>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateTokenEntry.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.IsRejected || context.Principal?.GetTokenId() is not { Length: > 0 } tokenId) return;
        var now = clock.GetUtcNow();
        var generation = cache.Current;
        if (generation is not null && generation.IsValidToken(tokenId, now)) return;

        var tokens = services.GetRequiredService<IOpenIddictTokenManager>();
        var token = await tokens.FindByIdAsync(tokenId, context.CancellationToken);
        if (token is null || !await tokens.HasStatusAsync(token, Statuses.Valid, context.CancellationToken))
        {
            context.Reject(Errors.InvalidToken, "The specified token is no longer valid.");
            return;
        }
        var expires = await tokens.GetExpirationDateAsync(token, context.CancellationToken) ?? context.Principal.GetExpirationDate() ?? DateTimeOffset.MaxValue;
        generation?.RememberValidToken(tokenId, expires);
    }
}
