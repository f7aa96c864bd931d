using System.Globalization;
using CloudOMS.Grains;
using CloudOMS.Identity.Edge;
using CloudOMS.Silo.Operations;
using CloudOMS.Silo.Persistence;
using CloudOMS.Texts;
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

    /// <summary>What a transient failure or a database refusal tells the caller; never the error's own text, which may name servers or SQL.</summary>
    private static readonly Dictionary<string, Text> TransientDetails = new(StringComparer.Ordinal)
    {
        [ErrorCodes.ConcurrentChange] = Msg.Of("ApiProblems.SameDataJustChangedAnotherRequest"),
        [ErrorCodes.AlreadyExists] = Msg.Of("ApiProblems.AlreadyExistsDetail"),
        [ErrorCodes.DatabaseBusy] = Msg.Of("ApiProblems.DatabaseBusyAnotherWritePleaseRetry"),
        [ErrorCodes.ServiceUnavailable] = Msg.Of("ApiProblems.ServiceUnavailableDetail"),
        [ErrorCodes.DatabaseUnavailable] = Msg.Of("ApiProblems.DatabaseTemporarilyUnavailablePleaseRetryShortly"),
        [ErrorCodes.Timeout] = Msg.Of("ApiProblems.TimeoutDetail"),
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
        if (!Problems.IsKnown(code)) code = CommandException.CodeOf(refusal?.Kind ?? FailureKind.Conflict);
        var status = Problems.Status(code);
        var json = (exception as BadHttpRequestException)?.InnerException is System.Text.Json.JsonException bodyError && FieldProblem(bodyError) ? bodyError : null;
        // Every text in the caller's language: the request's culture (Accept-Language, or the portal's language cookie).
        var culture = CultureInfo.CurrentUICulture;
        var detail = TransientDetails.GetValueOrDefault(code)?.Render(culture) ?? (json is not null ? BodyProblem(json) : exception switch
        {
            CommandException command => command.MessageIn(culture),
            OutcomeUnknownException unknown => unknown.MessageIn(culture),
            // The framework's reason (a body that does not parse, a missing parameter) is English only.
            _ => Msg.Of("ApiProblems.MalformedDetail", exception.Message).Render(culture),
        });
        if (status == 503)
        {
            logger.LogWarning(exception, "Request {Path} answered 503 {Code}", context.Request.Path, code);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        var errors = refusal is { Kind: FailureKind.Invalid or FailureKind.KeyReused, Field: { } field } ? new Dictionary<string, string[]> { [field] = [refusal.MessageIn(culture)] }
            : json is not null ? new Dictionary<string, string[]> { [JsonText.Field(json.Path)] = [detail] }
            : [];
        var problem = Problems.Details(code, detail, errors);
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
        : Msg.Get("ApiProblems.ValueWrongType");

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

    public static ValidationProblem Invalid(FieldErrors errors) => Problems.Invalid(errors.ToDictionary());

    public static ValidationProblem Invalid(string field, string message) => Problems.Invalid(field, message);
}
