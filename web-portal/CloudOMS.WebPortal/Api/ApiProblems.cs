using CloudOMS.Grains;
using CloudOMS.Silo.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudOMS.WebPortal.Api;

/// <summary>
/// Turns refusals into ProblemDetails a clerk can read: bad input 400 (with the field), missing 404,
/// illegal transition or short stock 409, a plan quota used up or a read-only (unpaid) tenant 402 with where to
/// upgrade or pay, a suspended tenant 403, a write whose outcome is unknown 503 (retry is safe), a database
/// that is away (PostgreSQL stopped or unreachable, also when Orleans or EF Core wrap the error) 503; both
/// 503s carry Retry-After. Anything else is a bug and stays a 500 with no details.
/// </summary>
public sealed class ApiProblems(IProblemDetailsService problems, ILogger<ApiProblems> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying a 503: about how long a database restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            CommandException { Kind: FailureKind.Invalid } e => (400, "输入有误 / invalid input", e.Message, e.Field is null ? null : new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
            CommandException { Kind: FailureKind.NotFound } e => (404, "未找到 / not found", e.Message, null),
            CommandException { Kind: FailureKind.QuotaExceeded } e => (402, "超出套餐额度 / plan limit reached", e.Message, null),
            CommandException { Kind: FailureKind.PaymentRequired } e => (402, "账户只读 / read-only until paid", e.Message, null),
            CommandException { Kind: FailureKind.Suspended } e => (403, "公司已暂停 / company suspended", e.Message, null),
            CommandException { Kind: FailureKind.KeyReused } e => (422, "幂等键已用于其他请求 / key already used for another request", e.Message,
                new Dictionary<string, string[]> { [e.Field ?? IdempotencyKeys.Header] = [e.Message] }),
            CommandException e => (409, "无法执行 / conflict", e.Message, null),
            OutcomeUnknownException e => (503, "暂时无法保存 / temporarily unavailable", e.Message, null),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => (400, "输入有误 / invalid input", BodyProblem(json),
                new Dictionary<string, string[]> { [JsonText.Field(json.Path)] = [BodyProblem(json)] }),
            BadHttpRequestException e => (400, "请求格式错误 / malformed request", e.Message, null),
            // The message may name servers: the clerk gets a fixed text, the log gets the error.
            _ when DatabaseFailure.IsUnavailable(exception) => (503, "暂时无法访问数据库 / database temporarily unavailable",
                "数据库暂时不可用，请稍后重试 / the database is temporarily unavailable; please retry shortly", null),
            _ => (0, "", "", (Dictionary<string, string[]>?)null),
        };
        if (status == 0) return false;
        if (status == 503)
        {
            logger.LogWarning(exception, "Request {Path} answered 503", context.Request.Path);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        var problem = new HttpValidationProblemDetails(errors ?? []) { Status = status, Title = title, Detail = detail };
        if (exception is CommandException { Details.Count: > 0 } refused) problem.Extensions["skus"] = refused.Details;
        if (exception is CommandException { Kind: FailureKind.QuotaExceeded or FailureKind.PaymentRequired } billing)
        {
            // Where a client (or a person reading the response) goes to fix it.
            problem.Extensions["upgradeUrl"] = "/app/settings/billing";
            if (billing.Field is { } quota) problem.Extensions["quota"] = quota;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>What is wrong with a body field: refused text says which character; anything else is a value of the wrong shape.</summary>
    private static string BodyProblem(System.Text.Json.JsonException error) => error is JsonText.RefusedText
        ? error.Message
        : "格式不正确（类型不符或 JSON 无效） / the value has the wrong type or the JSON is malformed";

    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "输入有误 / invalid input");

    public static ValidationProblem Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
}
