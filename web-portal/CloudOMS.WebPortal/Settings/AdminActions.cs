namespace CloudOMS.WebPortal.Settings;

/// <summary>
/// Runs one administration command (members, roles, company, two-factor) in a scope of its own, as
/// one API request would: a fresh identity DbContext per action, so a long-lived circuit never acts
/// on entities it read minutes ago.
/// </summary>
public sealed class AdminActions(IServiceScopeFactory scopes)
{
    public async Task<T> Run<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
