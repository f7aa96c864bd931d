using System.Security.Cryptography;
using System.Text.Json;
using CloudOMS.Identity.Data;
using Microsoft.AspNetCore.DataProtection;

namespace CloudOMS.Identity.Accounts;

/// <summary>
/// A browser that has signed in as a user carries a protected cookie naming it (up to five users a browser).
/// <see cref="SignInGuard"/> counts its wrong passwords on their own and never slows it down for what strangers did.
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider protection)
{
    public const string CookieName = "cloudoms.device";

    private const int MaxUsers = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly IDataProtector _protector = protection.CreateProtector("CloudOMS.Identity.TrustedDevice");

    /// <summary>Where this attempt comes from: this browser when it signed in as <paramref name="user"/> before, else its address.</summary>
    public SignInSource SourceOf(HttpContext context, string? email, OmsUser? user) =>
        user is not null && Read(context) is { } device && device.Users.Contains(user.Id)
            ? new SignInSource(SignInSource.AccountKey(email), "device:" + device.Id, Trusted: true)
            : new SignInSource(SignInSource.AccountKey(email), "address:" + Edge.ClientAddress.Key(context), Trusted: false);

    /// <summary>After a complete sign-in (password and code): this browser is trusted for <paramref name="user"/>.</summary>
    public void Remember(HttpContext context, OmsUser user)
    {
        var device = Read(context) ?? new Device(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), []);
        var users = device.Users.Where(u => u != user.Id).Prepend(user.Id).Take(MaxUsers).ToList();
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(device with { Users = users })), new CookieOptions
        {
            Path = "/account",
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = Lifetime,
        });
    }

    private Device? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<Device>(_protector.Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Device(string Id, List<string> Users);
}
