using System.Globalization;
using CloudOMS.Grains;
using CloudOMS.Silo.Operations;
using CloudOMS.Silo.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudOMS.WebPortal.Api;

/// <summary>
/// Turns refusals into ProblemDetails a clerk can read and a program can branch on: every problem carries a stable
/// <c>code</c> (<see cref="ErrorCodes"/>, listed in docs/architecture.md). Bad input 400 (with the field), missing 404,
/// illegal transition or short stock 409 (with the SKUs), a plan quota used up or a read-only (unpaid) tenant 402 with
/// where to upgrade or pay, a suspended tenant 403. Transient failures answer 503 with Retry-After and a message per
/// cause: a write whose outcome is unknown, a database that is away (also when Orleans or EF Core wrap the error, or it
/// crossed from a silo), a silo that died or restarts, no answer within the request's deadline. Anything else is a bug
/// and stays a 500 with no details.
/// </summary>
public sealed class ApiProblems(IProblemDetailsService problems, DatabaseProbe database, ILogger<ApiProblems> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying a 503: about how long a database restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>How long the answer to a request that ran out of time waits to learn whether the database answers.</summary>
    private static readonly TimeSpan ProbeWait = TimeSpan.FromMilliseconds(300);

    /// <summary>Status and title of every code. A new code is one line here (and its constant in <see cref="ErrorCodes"/>).</summary>
    private static readonly Dictionary<string, (int Status, string Title)> Codes = new(StringComparer.Ordinal)
    {
        [ErrorCodes.InvalidInput] = (400, "输入有误 / invalid input"),
        [ErrorCodes.MalformedRequest] = (400, "请求格式错误 / malformed request"),
        [ErrorCodes.Unauthorized] = (401, "未登录 / unauthorized"),
        [ErrorCodes.QuotaExceeded] = (402, "超出套餐额度 / plan limit reached"),
        [ErrorCodes.PaymentRequired] = (402, "账户只读 / read-only until paid"),
        [ErrorCodes.Forbidden] = (403, "无权限 / forbidden"),
        [ErrorCodes.Suspended] = (403, "公司已暂停 / company suspended"),
        [ErrorCodes.NotFound] = (404, "未找到 / not found"),
        [ErrorCodes.Conflict] = (409, "无法执行 / conflict"),
        [ErrorCodes.InvalidTransition] = (409, "订单当前状态不允许此操作 / not allowed in the order's status"),
        [ErrorCodes.InsufficientStock] = (409, "库存不足 / insufficient stock"),
        [ErrorCodes.SkuInactive] = (409, "SKU 已停用 / SKU inactive"),
        [ErrorCodes.BelowReserved] = (409, "与已预留库存冲突 / conflicts with reserved stock"),
        [ErrorCodes.ConcurrentChange] = (409, "数据已被同时修改 / changed at the same time"),
        [ErrorCodes.AlreadyExists] = (409, "已存在 / already exists"),
        [ErrorCodes.IdempotencyKeyReused] = (422, "幂等键已用于其他请求 / key already used for another request"),
        [ErrorCodes.RateLimited] = (429, "请求过于频繁 / too many requests"),
        [ErrorCodes.InternalError] = (500, "服务器内部错误 / internal error"),
        [ErrorCodes.OutcomeUnknown] = (503, "暂时无法保存 / temporarily unavailable"),
        [ErrorCodes.ServiceUnavailable] = (503, "服务暂时不可用 / service temporarily unavailable"),
        [ErrorCodes.DatabaseUnavailable] = (503, "暂时无法访问数据库 / database temporarily unavailable"),
        [ErrorCodes.DatabaseBusy] = (503, "数据库正忙 / database busy"),
        [ErrorCodes.Timeout] = (503, "请求超时 / no answer in time"),
    };

    /// <summary>What a transient failure or a database refusal tells the caller; never the error's own text, which may name servers or SQL.</summary>
    private static readonly Dictionary<string, string> TransientDetails = new(StringComparer.Ordinal)
    {
        [ErrorCodes.ConcurrentChange] = "这些数据刚被另一个操作同时修改，请刷新后重试 / the same data was just changed by another request; reload and try again",
        [ErrorCodes.AlreadyExists] = "同名或同编号的记录已存在（可能是同一请求发送了两次），请刷新查看 / " +
            "a record with this name or number already exists (perhaps the same request was sent twice); reload to see it",
        [ErrorCodes.DatabaseBusy] = "数据库正忙于另一项保存，请稍后重试；重试是安全的 / the database is busy with another write; please retry shortly, retries are safe",
        [ErrorCodes.ServiceUnavailable] = "集群中的一台服务器暂时不可用（可能正在重启），请稍后重试；重试是安全的 / " +
            "a server of the cluster is temporarily unavailable (it may be restarting); please retry shortly, retries are safe",
        [ErrorCodes.DatabaseUnavailable] = "数据库暂时不可用，请稍后重试 / the database is temporarily unavailable; please retry shortly",
        [ErrorCodes.Timeout] = "请求未能及时完成，结果未知；请用相同的编号稍后重试 / " +
            "the request did not finish in time and its outcome is unknown; please retry shortly with the same ids",
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var refusal = exception as CommandException;
        var code = refusal?.Code ?? exception switch
        {
            BadHttpRequestException { InnerException: System.Text.Json.JsonException body } when FieldProblem(body) => ErrorCodes.InvalidInput,
            BadHttpRequestException => ErrorCodes.MalformedRequest,
            _ => DatabaseConflict.Of(exception) ?? await Transient(exception),
        };
        if (code is null) return false;
        var (status, title) = Codes.TryGetValue(code, out var known) ? known : Codes[ErrorCodes.Of(refusal?.Kind ?? FailureKind.Conflict)];
        var json = (exception as BadHttpRequestException)?.InnerException is System.Text.Json.JsonException bodyError && FieldProblem(bodyError) ? bodyError : null;
        var detail = TransientDetails.GetValueOrDefault(code) ?? (json is null ? exception.Message : BodyProblem(json));
        if (status == 503)
        {
            logger.LogWarning(exception, "Request {Path} answered 503 {Code}", context.Request.Path, code);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        var errors = refusal is { Kind: FailureKind.Invalid or FailureKind.KeyReused, Field: { } field } ? new Dictionary<string, string[]> { [field] = [refusal.Message] }
            : json is not null ? new Dictionary<string, string[]> { [JsonText.Field(json.Path)] = [detail] }
            : [];
        var problem = new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (refusal is { Details.Count: > 0 }) problem.Extensions["skus"] = refusal.Details;
        if (refusal is { Kind: FailureKind.QuotaExceeded or FailureKind.PaymentRequired })
        {
            // Where a client (or a person reading the response) goes to fix it.
            problem.Extensions["upgradeUrl"] = "/app/settings/billing";
            if (refusal.Field is { } quota) problem.Extensions["quota"] = quota;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// Whether a body error is about one field (refused text, a value of the wrong type: 400 naming the field) rather
    /// than JSON that does not parse at all (the reader's own error inside: malformed_request).
    /// </summary>
    private static bool FieldProblem(System.Text.Json.JsonException error) => error is JsonText.RefusedText || error.InnerException is not System.Text.Json.JsonException;

    /// <summary>What is wrong with a body field: refused text says which character; anything else is a value of the wrong shape.</summary>
    private static string BodyProblem(System.Text.Json.JsonException error) => error is JsonText.RefusedText
        ? error.Message
        : "格式不正确（类型不符） / the value has the wrong type";

    /// <summary>The code of a transient failure, or null for a bug.</summary>
    private async Task<string?> Transient(Exception exception) => TransientFailure.Of(exception) switch
    {
        TransientCause.OutcomeUnknown => ErrorCodes.OutcomeUnknown,
        TransientCause.Database => ErrorCodes.DatabaseUnavailable,
        TransientCause.ClusterNode => ErrorCodes.ServiceUnavailable,
        // Out of time, cause unknown: say the database when it does not answer now either.
        TransientCause.Timeout => await database.Answers(ProbeWait) ? ErrorCodes.Timeout : ErrorCodes.DatabaseUnavailable,
        _ => null,
    };

    /// <summary>
    /// Problems written elsewhere (a 404 or 401 without a body, a route's own ValidationProblem, billing's and
    /// identity's answers, an unhandled 500) get the code of their status when they carry none.
    /// </summary>
    public static void AddCodes(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Extensions.TryAdd("code", status switch
        {
            400 => ErrorCodes.InvalidInput,
            401 => ErrorCodes.Unauthorized,
            // A 402 naming the quota it hit is a plan limit, not an unpaid invoice.
            402 when context.ProblemDetails.Extensions.ContainsKey("quota") => ErrorCodes.QuotaExceeded,
            402 => ErrorCodes.PaymentRequired,
            403 => ErrorCodes.Forbidden,
            404 => ErrorCodes.NotFound,
            409 => ErrorCodes.Conflict,
            429 => ErrorCodes.RateLimited,
            503 => ErrorCodes.ServiceUnavailable,
            >= 500 => ErrorCodes.InternalError,
            _ => $"http_{status}",
        });
    };

    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "输入有误 / invalid input",
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.InvalidInput });

    public static ValidationProblem Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
}
