using CloudOMS.LoadTests.PortalPages;

namespace CloudOMS.LoadTests.Engine;

/// <summary>Short names for errors in reports: the HTTP status, "timeout", or the exception type.</summary>
public static class ErrorKinds
{
    public static string Name(Exception error) => error switch
    {
        ApiRefusal refusal => $"HTTP {refusal.Status}",
        TimeoutException or TaskCanceledException => "timeout",
        HttpRequestException http => $"connection ({http.HttpRequestError})",
        _ when error.GetType().Name.Contains("Timeout", StringComparison.Ordinal) => "timeout",
        _ => error.GetType().Name,
    };
}
