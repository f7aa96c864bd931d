using System.Globalization;

namespace CloudOMS.Grains;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving), the one clock our users read: order numbers, calendar days of
/// the dashboard and filters, quota months and every time shown. Instants are stored as UTC; this turns them into
/// China days and wall-clock texts, and China days back into UTC instants.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Of(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The China calendar day of <paramref name="at"/>.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The instant (UTC) at which China day <paramref name="day"/> begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary><paramref name="at"/> in China time, formatted invariantly, e.g. "yyyy-MM-dd HH:mm".</summary>
    public static string Format(DateTimeOffset at, string format) => at.ToOffset(Offset).ToString(format, CultureInfo.InvariantCulture);

    public static string Minute(DateTimeOffset at) => Format(at, "yyyy-MM-dd HH:mm");

    public static string Second(DateTimeOffset at) => Format(at, "yyyy-MM-dd HH:mm:ss");
}
