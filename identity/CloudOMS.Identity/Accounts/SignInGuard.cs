using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CloudOMS.Identity.Accounts;

/// <summary>Where a password attempt comes from: a browser this account signed in with before, or an address.</summary>
public readonly record struct SignInSource(string Account, string Origin, bool Trusted)
{
    /// <summary>The account as typed, normalised, known or not: unknown addresses are counted the same way, so refusals reveal nothing.</summary>
    public static string AccountKey(string? email) => (email ?? "").Trim().ToUpperInvariant();

    internal string PairKey => Account + "\n" + Origin;

    internal string UntrustedKey => Account + "\n*";
}

/// <summary>A refused attempt: locked (423) for this source, or slowed (429) for every untrusted source of the account.</summary>
public sealed record SignInRefusal(bool Locked, TimeSpan RetryAfter);

/// <summary>
/// Wrong passwords, counted so that a stranger can lock out only himself. Failures count per account and source
/// (a trusted browser, or else the client address); at <see cref="CloudOmsIdentityOptions.MaxFailedSignIns"/> that
/// source is locked out for <see cref="CloudOmsIdentityOptions.LockoutDuration"/>, while the owner elsewhere signs
/// in as usual. Guessing from many addresses is bounded too: after
/// <see cref="CloudOmsIdentityOptions.UntrustedFailuresPerAccount"/> failures from untrusted sources the account
/// slows every untrusted source down until the window ends; browsers it signed in with before are not slowed.
/// Counts live in this instance's memory: a restart forgets them, and N instances allow N times the attempts.
/// </summary>
public sealed class SignInGuard(IOptions<CloudOmsIdentityOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 100_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public SignInRefusal? Check(SignInSource source)
    {
        var now = clock.GetUtcNow();
        if (_windows.TryGetValue(source.PairKey, out var pair) && pair.LockedUntil(now) is { } until)
            return new SignInRefusal(Locked: true, until - now);
        if (!source.Trusted && _windows.TryGetValue(source.UntrustedKey, out var account)
            && account.Reached(options.Value.UntrustedFailuresPerAccount, now) is { } ends)
            return new SignInRefusal(Locked: false, ends - now);
        return null;
    }

    /// <summary>Counts a wrong password; true when this one locks the source out.</summary>
    public bool Failed(SignInSource source)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        if (!source.Trusted) Count(source.UntrustedKey, now, o.LockoutDuration, int.MaxValue);
        return Count(source.PairKey, now, o.LockoutDuration, o.MaxFailedSignIns);
    }

    /// <summary>The right password: this source starts afresh (the account-wide count runs out by itself).</summary>
    public void Succeeded(SignInSource source) => _windows.TryRemove(source.PairKey, out _);

    private bool Count(string key, DateTimeOffset now, TimeSpan duration, int lockAt)
    {
        if (_windows.Count > PruneAbove) Prune(now);
        var window = _windows.GetOrAdd(key, _ => new Window());
        return window.Fail(now, duration, lockAt);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
            if (window.Expired(now)) _windows.TryRemove(key, out _);
    }

    private sealed class Window
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _ends;
        private DateTimeOffset _lockedUntil;
        private int _failures;

        public bool Fail(DateTimeOffset now, TimeSpan duration, int lockAt)
        {
            lock (_gate)
            {
                if (_ends <= now && _lockedUntil <= now) (_failures, _ends) = (0, now + duration);
                _failures++;
                if (_failures < lockAt || _lockedUntil > now) return _lockedUntil > now;
                _lockedUntil = now + duration;
                return true;
            }
        }

        public DateTimeOffset? LockedUntil(DateTimeOffset now)
        {
            lock (_gate) return _lockedUntil > now ? _lockedUntil : null;
        }

        public DateTimeOffset? Reached(int limit, DateTimeOffset now)
        {
            lock (_gate) return _ends > now && _failures >= limit ? _ends : null;
        }

        public bool Expired(DateTimeOffset now)
        {
            lock (_gate) return _ends <= now && _lockedUntil <= now;
        }
    }
}
