using CloudOMS.Texts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudOMS.Identity.Edge;

/// <summary>
/// The one writer of error answers, for the portal's API, identity and billing alike: a code (<see cref="ErrorCodes"/>)
/// gives the status and the title, the caller adds what went wrong in the request's language (a detail, field errors,
/// extensions), and every answer is a ProblemDetails with its <c>code</c>. A new code is one line in <see cref="Statuses"/>
/// and its title in Resources/Messages*.resx ("Problem.{Name}").
/// </summary>
public static class Problems
{
    private static readonly Dictionary<string, (int Status, string Name)> Statuses = new(StringComparer.Ordinal)
    {
        [ErrorCodes.InvalidInput] = (400, nameof(ErrorCodes.InvalidInput)),
        [ErrorCodes.MalformedRequest] = (400, nameof(ErrorCodes.MalformedRequest)),
        [ErrorCodes.Unauthorized] = (401, nameof(ErrorCodes.Unauthorized)),
        [ErrorCodes.QuotaExceeded] = (402, nameof(ErrorCodes.QuotaExceeded)),
        [ErrorCodes.PaymentRequired] = (402, nameof(ErrorCodes.PaymentRequired)),
        [ErrorCodes.Forbidden] = (403, nameof(ErrorCodes.Forbidden)),
        [ErrorCodes.Suspended] = (403, nameof(ErrorCodes.Suspended)),
        [ErrorCodes.NotFound] = (404, nameof(ErrorCodes.NotFound)),
        [ErrorCodes.Conflict] = (409, nameof(ErrorCodes.Conflict)),
        [ErrorCodes.InvalidTransition] = (409, nameof(ErrorCodes.InvalidTransition)),
        [ErrorCodes.InsufficientStock] = (409, nameof(ErrorCodes.InsufficientStock)),
        [ErrorCodes.SkuInactive] = (409, nameof(ErrorCodes.SkuInactive)),
        [ErrorCodes.BelowReserved] = (409, nameof(ErrorCodes.BelowReserved)),
        [ErrorCodes.ConcurrentChange] = (409, nameof(ErrorCodes.ConcurrentChange)),
        [ErrorCodes.AlreadyExists] = (409, nameof(ErrorCodes.AlreadyExists)),
        [ErrorCodes.UnsupportedMediaType] = (415, nameof(ErrorCodes.UnsupportedMediaType)),
        [ErrorCodes.IdempotencyKeyReused] = (422, nameof(ErrorCodes.IdempotencyKeyReused)),
        [ErrorCodes.RateLimited] = (429, nameof(ErrorCodes.RateLimited)),
        [ErrorCodes.InternalError] = (500, nameof(ErrorCodes.InternalError)),
        [ErrorCodes.OutcomeUnknown] = (503, nameof(ErrorCodes.OutcomeUnknown)),
        [ErrorCodes.ServiceUnavailable] = (503, nameof(ErrorCodes.ServiceUnavailable)),
        [ErrorCodes.DatabaseUnavailable] = (503, nameof(ErrorCodes.DatabaseUnavailable)),
        [ErrorCodes.DatabaseBusy] = (503, nameof(ErrorCodes.DatabaseBusy)),
        [ErrorCodes.Timeout] = (503, nameof(ErrorCodes.Timeout)),
    };

    public static bool IsKnown(string code) => Statuses.ContainsKey(code);

    public static int Status(string code) => Statuses[code].Status;

    /// <summary>The code's title in the current UI culture (the request's language).</summary>
    public static string Title(string code) => Msg.Get($"Problem.{Statuses[code].Name}");

    /// <summary>The answer for <paramref name="code"/>: its status and title, <paramref name="detail"/>, field errors and extensions.</summary>
    public static HttpValidationProblemDetails Details(string code, string? detail, IDictionary<string, string[]>? errors = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new HttpValidationProblemDetails(errors ?? new Dictionary<string, string[]>())
        {
            Status = Status(code), Title = Title(code), Detail = detail,
        };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? []) problem.Extensions[key] = value;
        return problem;
    }

    /// <summary>An endpoint's error answer.</summary>
    public static ProblemHttpResult Result(string code, string? detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        TypedResults.Problem(Details(code, detail, null, extensions));

    /// <summary>400 (or <paramref name="code"/>'s status) listing every field error at once.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string code = ErrorCodes.InvalidInput, string? detail = null)
    {
        var problem = Details(code, detail, errors);
        return TypedResults.ValidationProblem(errors, detail, title: problem.Title, extensions: problem.Extensions);
    }

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>
    /// Problems the framework writes (a 404 or 401 without a body, an unhandled 500) get the code of their status and
    /// a title in the request's language when they carry none.
    /// </summary>
    public static void AddCodes(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var code = status switch
        {
            400 => ErrorCodes.InvalidInput,
            401 => ErrorCodes.Unauthorized,
            // A 402 naming the quota it hit is a plan limit, not an unpaid invoice.
            402 when context.ProblemDetails.Extensions.ContainsKey("quota") => ErrorCodes.QuotaExceeded,
            402 => ErrorCodes.PaymentRequired,
            403 => ErrorCodes.Forbidden,
            404 => ErrorCodes.NotFound,
            409 => ErrorCodes.Conflict,
            415 => ErrorCodes.UnsupportedMediaType,
            429 => ErrorCodes.RateLimited,
            503 => ErrorCodes.ServiceUnavailable,
            >= 500 => ErrorCodes.InternalError,
            _ => null,
        };
        if (!context.ProblemDetails.Extensions.ContainsKey("code")) context.ProblemDetails.Extensions["code"] = code ?? $"http_{status}";
        if (code is not null && context.ProblemDetails.Extensions["code"] as string == code && Statuses[code].Status == status)
            context.ProblemDetails.Title = Title(code);
    };
}
