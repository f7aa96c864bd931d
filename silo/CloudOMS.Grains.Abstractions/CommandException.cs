namespace CloudOMS.Grains;

/// <summary>What kind of refusal a command met; the HTTP edge maps it to a status code.</summary>
public enum FailureKind
{
    Invalid,
    NotFound,
    Conflict,

    /// <summary>The plan's quota for <see cref="CommandException.Field"/> is used up (HTTP 402).</summary>
    QuotaExceeded,

    /// <summary>The tenant is read-only until an overdue invoice is paid (HTTP 402).</summary>
    PaymentRequired,

    /// <summary>The platform operator suspended the tenant (HTTP 403).</summary>
    Suspended,

    /// <summary>An idempotency key (or payment reference) already stands for another request (HTTP 422).</summary>
    KeyReused,
}

/// <summary>
/// A command refused by a business rule. The message is for the clerk (Chinese first, English after);
/// <see cref="Field"/> names the input at fault when there is one; <see cref="Code"/> is the stable
/// machine-readable reason (<see cref="ErrorCodes"/>), serialized with the exception so it crosses from silo to client.
/// </summary>
[GenerateSerializer, Alias("cloudoms.CommandException")]
public sealed class CommandException : Exception
{
    public CommandException(FailureKind kind, string message, string? field = null, IReadOnlyList<string>? details = null, string? code = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
        Details = details ?? [];
        Code = code ?? ErrorCodes.Of(kind);
    }

    [Id(0)] public FailureKind Kind { get; }
    [Id(1)] public string? Field { get; }
    [Id(2)] public IReadOnlyList<string> Details { get; }

    /// <summary>One of <see cref="ErrorCodes"/>.</summary>
    [Id(3)] public string Code { get; }

    public static CommandException NotFound(string message) => new(FailureKind.NotFound, message);

    /// <summary>A conflict (HTTP 409) with its code, e.g. <see cref="ErrorCodes.InsufficientStock"/> with the short SKUs as details.</summary>
    public static CommandException Conflict(string code, string message, IReadOnlyList<string>? details = null) =>
        new(FailureKind.Conflict, message, null, details, code);
    public static CommandException Invalid(string field, string message) => new(FailureKind.Invalid, message, field);
    public static CommandException KeyReused(string field, string message) => new(FailureKind.KeyReused, message, field);

    /// <summary>A quota refusal; <paramref name="kind"/> names the limit (orders, users, warehouses, skus).</summary>
    public static CommandException Quota(UsageKind kind, string message) =>
        new(FailureKind.QuotaExceeded, message, kind.ToString().ToLowerInvariant());
}

/// <summary>
/// A storage write failed after the change may or may not have been saved. Retry the same operation
/// with the same operation id: the grain answers a retry with the recorded outcome.
/// </summary>
[GenerateSerializer, Alias("cloudoms.OutcomeUnknownException")]
public sealed class OutcomeUnknownException(string message) : Exception(message);

