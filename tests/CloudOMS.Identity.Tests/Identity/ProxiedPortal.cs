namespace CloudOMS.Identity.Tests.Identity;

/// <summary>
/// The portal behind a reverse proxy (the tests' loopback address is configured as the trusted proxy, so a test
/// acts as any client address by sending X-Forwarded-For), with small rate limits that tests can reach.
/// </summary>
public sealed class ProxiedPortal : IAsyncLifetime
{
    public const int SignInsPerMinute = 5, ClientTokensPerMinute = 3, SignupsPerHour = 3, ResetMailsPerAccountPerHour = 2,
        UntrustedFailuresPerAccount = 6;

    public IdentityPortal Portal { get; } = new();

    public ProxiedPortal()
    {
        var settings = Portal.Factory.Settings;
        settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        settings["Identity:SignInsPerMinute"] = $"{SignInsPerMinute}";
        settings["Identity:ClientTokensPerMinute"] = $"{ClientTokensPerMinute}";
        settings["Identity:SignupsPerHour"] = $"{SignupsPerHour}";
        settings["Identity:ResetMailsPerAccountPerHour"] = $"{ResetMailsPerAccountPerHour}";
        settings["Identity:UntrustedFailuresPerAccount"] = $"{UntrustedFailuresPerAccount}";
    }

    public Task InitializeAsync() => Portal.InitializeAsync();

    public Task DisposeAsync() => Portal.DisposeAsync();

    /// <summary>A client address no other test of the fixture uses (TEST-NET-3).</summary>
    public static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref _lastAddress)}";

    private static int _lastAddress;
}

/// <summary>
/// The rate-limit and stranger-lockout classes share one proxied portal: each test acts from client addresses
/// (<see cref="ProxiedPortal.NewAddress"/>) and accounts no other test uses, so the small limits are its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProxiedPortalCollection : ICollectionFixture<ProxiedPortal>
{
    public const string Name = "proxied portal";
}
