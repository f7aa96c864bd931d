namespace CloudOMS.Grains;

/// <summary>
/// Order numbers read the way clerks say them: SO + China date + running number of the day. They are handed out from
/// a block reserved in the tenant's state (the block's last number, and the whole block counted as orders of the
/// month), so the tenant is saved once per block instead of once per order. Only the block's unused rest lives in
/// memory: after a crash it is skipped and stays counted, so numbers may have gaps but never repeat, and the month's
/// count never falls below the orders taken. A tenant deactivated in good order gives its unused rest back.
/// </summary>
public sealed class OrderNumbering
{
    public const int BlockSize = 100;

    /// <summary>Numbers of the reserved block not handed out yet (counted in the state as taken).</summary>
    public int Unused { get; private set; }

    /// <summary>The next number; Reserved says a new block was reserved in the state, which must be saved before the number is used.</summary>
    public (string Id, bool Reserved) Next(TenantState state, DateTimeOffset now)
    {
        var day = ChinaTime.Format(now, "yyyyMMdd");
        if (state.OrderDay != day)
        {
            GiveBack(state);
            (state.OrderDay, state.OrderSequence) = (day, 0);
        }
        var reserved = Unused == 0;
        if (reserved)
        {
            var size = TenantQuotas.TakeBlock(state, BlockSize, now);
            state.OrderSequence += size;
            Unused = size;
        }
        else TenantQuotas.Check(state, UsageKind.Orders, now, Unused);
        var number = state.OrderSequence - --Unused;
        return ($"SO{day}{number:D5}", reserved);
    }

    /// <summary>Returns the unused rest of the block to the day's numbers and the month's count; true when there was one (to be saved).</summary>
    public bool GiveBack(TenantState state)
    {
        if (Unused == 0) return false;
        state.OrderSequence -= Unused;
        state.OrdersThisMonth = Math.Max(0, state.OrdersThisMonth - Unused);
        Unused = 0;
        return true;
    }
}
