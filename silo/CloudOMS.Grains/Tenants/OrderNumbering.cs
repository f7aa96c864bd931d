namespace CloudOMS.Grains;

/// <summary>Order numbers read the way clerks say them: SO + China date + running number of the day.</summary>
public static class OrderNumbering
{
    public static string Next(TenantState state, DateTimeOffset now)
    {
        var day = ChinaTime.Format(now, "yyyyMMdd");
        if (state.OrderDay != day)
        {
            state.OrderDay = day;
            state.OrderSequence = 0;
        }
        state.OrderSequence++;
        return $"SO{day}{state.OrderSequence:D5}";
    }
}
