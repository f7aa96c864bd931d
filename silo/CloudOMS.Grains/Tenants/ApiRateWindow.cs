namespace CloudOMS.Grains;

/// <summary>
/// The tenant's API requests in the current minute, across every portal instance: each instance asks for a
/// small share at a time and serves it locally. Kept in memory only: a restarted grain starts a fresh minute,
/// which can only be generous.
/// </summary>
public sealed class ApiRateWindow
{
    private DateTimeOffset _ends;
    private int _used;

    public ApiAllowance Take(Entitlement? entitlement, int wanted, DateTimeOffset now)
    {
        if (now >= _ends)
        {
            _ends = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, now.Offset).AddMinutes(1);
            _used = 0;
        }
        if (entitlement?.Quotas.ApiRequestsPerMinute is not { } limit) return new ApiAllowance(wanted, _ends, null);
        var granted = Math.Clamp(limit - _used, 0, Math.Max(0, wanted));
        _used += granted;
        return new ApiAllowance(granted, _ends, limit);
    }
}
