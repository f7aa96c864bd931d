using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CloudOMS.WebPortal.Operations;

/// <summary>
/// Whether the portal user of this circuit is a platform operator (the <see cref="PlatformOperators.Policy"/> policy,
/// as /ops applies it), and the email their actions are recorded under. Decided once per circuit.
/// </summary>
public sealed class OperatorIdentity(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    private Task<string?>? _email;

    /// <summary>The operator's confirmed email, or null for everyone else.</summary>
    public Task<string?> Email() => _email ??= Resolve();

    private async Task<string?> Resolve()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var allowed = await authorization.AuthorizeAsync(user, PlatformOperators.Policy);
        return allowed.Succeeded ? user.FindFirst("email")?.Value : null;
    }
}
