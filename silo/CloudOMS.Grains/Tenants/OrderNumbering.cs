namespace CloudOMS.Grains;

/// <summary>Order numbers read the way clerks say them: SO + China date + running number of the day.</summary>
public static class OrderNumbering
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Next(TenantState state, DateTimeOffset now)
    {
        var day = now.ToOffset(ChinaOffset).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        if (state.OrderDay != day)
        {
            state.OrderDay = day;
            state.OrderSequence = 0;
        }
        state.OrderSequence++;
        return $"SO{day}{state.OrderSequence:D5}";
    }
}
