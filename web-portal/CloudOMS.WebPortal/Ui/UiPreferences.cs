using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace CloudOMS.WebPortal.Ui;

/// <summary>
/// What a user last chose on screen: language, page size, order filters (see <see cref="OrderFilter"/>), menu collapsed,
/// and the companies ("tenant/user") whose getting-started checklist they hid.
/// </summary>
public sealed record Preferences(int PageSize = 20, string? Status = null, string? Channel = null, string? Search = null, bool MenuExpanded = true,
    string? Warehouse = null, string? From = null, string? To = null, int? Period = null, string? Language = null, IReadOnlyList<string>? StartHidden = null);

/// <summary>
/// Remembers <see cref="Preferences"/> in the browser's local storage, encrypted with the app's data
/// protection keys (so users cannot tamper with it). Available only once the page is live.
/// </summary>
public sealed class UiPreferences(ProtectedLocalStorage storage, ILogger<UiPreferences> logger)
{
    private const string Key = "cloudoms.preferences";
    private Task<Preferences>? _stored;
    private Preferences? _current;

    /// <summary>The preferences as the user last left them; every caller of one circuit shares one read of the browser.</summary>
    public async Task<Preferences> Load() => _current ?? await (_stored ??= Read());

    public async Task Save(Func<Preferences, Preferences> change)
    {
        _current = change(await Load());
        await storage.SetAsync(Key, _current);
    }

    private async Task<Preferences> Read()
    {
        try
        {
            var stored = await storage.GetAsync<Preferences>(Key);
            return stored.Success && stored.Value is { } value ? value : new Preferences();
        }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            // Written with keys this server no longer has, or not readable: start from defaults.
            logger.LogInformation(error, "Stored UI preferences could not be read; using defaults");
            return new Preferences();
        }
    }
}
