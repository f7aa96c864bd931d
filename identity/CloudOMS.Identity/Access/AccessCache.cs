using System.Collections.Concurrent;

namespace CloudOMS.Identity.Access;

/// <summary>
/// What this process remembers of the identity database for bearer callers: which access-token entries it
/// found valid and which grant each caller resolved to, so a call in the steady state reads no database.
/// <para>
/// The guarantee: a change that can take access away (a token revoked or deleted, an API client revoked, a
/// membership, a member's roles or a role changed, a user's name changed or the user deleted) empties the cache
/// of every process before the call that made it answers, so no access check that starts after that answer
/// admits the old grant or token, on any instance. On SQLite (one process) the change empties it in-process
/// once committed. On PostgreSQL triggers NOTIFY every instance at commit, and the writer waits until each
/// live instance has acknowledged (<see cref="PostgresAccessChanges"/>); an instance uses its cache only while
/// its listening connection proved alive within <see cref="Lease"/>, otherwise it reads the database as before.
/// </para>
/// Readers take <see cref="Current"/> before they read the database and remember into that generation only: a
/// change invalidates by replacing the generation, so a value read before the change is never served after it.
/// </summary>
/// <param name="leased">Whether the cache is trusted only under a lease (PostgreSQL); it then starts untrusted.</param>
public sealed class AccessCache(TimeProvider clock, bool leased)
{
    /// <summary>How long a confirmed listening connection lets an instance trust its cache.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private AccessGeneration _generation = new();
    private long _leaseUntil = leased ? long.MinValue : long.MaxValue;

    /// <summary>The generation to read and remember into, or null while the cache may not be trusted.</summary>
    public AccessGeneration? Current =>
        clock.GetTimestamp() < Volatile.Read(ref _leaseUntil) ? Volatile.Read(ref _generation) : null;

    /// <summary>Forgets everything: what was read before this call is never served after it.</summary>
    public void Invalidate() => Volatile.Write(ref _generation, new AccessGeneration());

    /// <summary>Trust the cache until <paramref name="timestamp"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    public void TrustUntil(long timestamp) => Volatile.Write(ref _leaseUntil, timestamp);

    /// <summary>Stop trusting the cache until <see cref="TrustUntil"/> is called again, and forget it.</summary>
    public void Distrust()
    {
        Volatile.Write(ref _leaseUntil, long.MinValue);
        Invalidate();
    }
}

/// <summary>One generation of remembered answers; replaced, never cleared, when access changes.</summary>
public sealed class AccessGeneration
{
    /// <summary>Beyond this many entries the generation stops remembering (it is replaced at the next change).</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _validTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<GrantKey, AccessGrant> _grants = new();

    /// <summary>Whether the token entry was found valid in this generation and the token has not expired.</summary>
    public bool IsValidToken(string tokenId, DateTimeOffset now) =>
        _validTokens.TryGetValue(tokenId, out var expires) && expires > now;

    public void RememberValidToken(string tokenId, DateTimeOffset expires)
    {
        if (_validTokens.Count < Capacity) _validTokens[tokenId] = expires;
    }

    public bool TryGetGrant(GrantKey key, out AccessGrant grant) => _grants.TryGetValue(key, out grant!);

    public void RememberGrant(GrantKey key, AccessGrant grant)
    {
        if (_grants.Count < Capacity) _grants[key] = grant;
    }
}

/// <summary>Whose grant: a user or an API client, in one tenant.</summary>
public readonly record struct GrantKey(string Kind, string Subject, string TenantId);
