using CloudOMS.Grains;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudOMS.WebPortal.Api;

/// <summary>
/// Turns refusals into ProblemDetails a clerk can read: bad input 400 (with the field), missing 404,
/// illegal transition or short stock 409, a write whose outcome is unknown 503 (retry is safe).
/// Anything else is a bug and stays a 500 with no details.
/// </summary>
public sealed class ApiProblems(IProblemDetailsService problems, ILogger<ApiProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            CommandException { Kind: FailureKind.Invalid } e => (400, "输入有误 / invalid input", e.Message, e.Field is null ? null : new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
            CommandException { Kind: FailureKind.NotFound } e => (404, "未找到 / not found", e.Message, null),
            CommandException e => (409, "无法执行 / conflict", e.Message, null),
            OutcomeUnknownException e => (503, "暂时无法保存 / temporarily unavailable", e.Message, null),
            BadHttpRequestException e => (400, "请求格式错误 / malformed request", e.Message, null),
            _ => (0, "", "", (Dictionary<string, string[]>?)null),
        };
        if (status == 0) return false;
        if (status == 503) logger.LogWarning(exception, "Request {Path} answered 503", context.Request.Path);

        context.Response.StatusCode = status;
        var problem = new HttpValidationProblemDetails(errors ?? []) { Status = status, Title = title, Detail = detail };
        if (exception is CommandException { Details.Count: > 0 } refused) problem.Extensions["skus"] = refused.Details;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "输入有误 / invalid input");

    public static ValidationProblem Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
}
