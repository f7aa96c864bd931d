using CloudOMS.Identity.Edge;

namespace CloudOMS.Identity.Admin;

public enum AdminOutcome
{
    Done,
    Invalid,
    NotFound,
    Conflict,

    /// <summary>The plan does not allow it (users quota) or the tenant must pay first.</summary>
    PaymentRequired,

    /// <summary>Too many wrong attempts: try again after <see cref="AdminResult.RetryAfter"/>.</summary>
    TooManyAttempts,
}

/// <summary>
/// The answer of an administration command, the same for the HTTP API and the portal: done (with
/// a value), field errors, not found, or refused by a rule (the message says why, Chinese first).
/// </summary>
public sealed record AdminResult(AdminOutcome Outcome, IDictionary<string, string[]> Errors, string? Message = null, object? Value = null)
{
    public TimeSpan RetryAfter { get; init; }

    public bool Succeeded => Outcome == AdminOutcome.Done;

    public static AdminResult Done(object? value = null) => new(AdminOutcome.Done, new Dictionary<string, string[]>(), Value: value);

    public static AdminResult Invalid(IDictionary<string, string[]> errors) => new(AdminOutcome.Invalid, errors);

    public static AdminResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static AdminResult NotFound() => new(AdminOutcome.NotFound, new Dictionary<string, string[]>());

    public static AdminResult Conflict(string message) => new(AdminOutcome.Conflict, new Dictionary<string, string[]>(), message);

    public static AdminResult PaymentRequired(string message) => new(AdminOutcome.PaymentRequired, new Dictionary<string, string[]>(), message);

    /// <summary>Refused for too many wrong attempts: the message also stands on <paramref name="field"/> for a form.</summary>
    public static AdminResult TooMany(string field, string message, TimeSpan retryAfter) =>
        new(AdminOutcome.TooManyAttempts, new Dictionary<string, string[]> { [field] = [message] }, message) { RetryAfter = retryAfter };

    /// <summary>400 with the field errors, 404, 402 or 409 with the message, 429 with Retry-After, or <paramref name="done"/>.</summary>
    public IResult ToHttp(Func<object?, IResult> done) => Outcome switch
    {
        AdminOutcome.Done => done(Value),
        AdminOutcome.Invalid => Problems.Invalid(Errors),
        AdminOutcome.NotFound => Results.NotFound(),
        AdminOutcome.PaymentRequired => Problems.Result(ErrorCodes.QuotaExceeded, Message,
            new Dictionary<string, object?> { ["upgradeUrl"] = "/app/settings/billing", ["quota"] = "users" }),
        AdminOutcome.TooManyAttempts => new RetryLater(Problems.Result(ErrorCodes.RateLimited, Message), RetryAfter),
        _ => Problems.Result(ErrorCodes.Conflict, Message),
    };

    private sealed class RetryLater(IResult problem, TimeSpan after) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }

    public IResult ToHttp() => ToHttp(_ => Results.NoContent());
}
