using System.Globalization;
using CloudOMS.Texts;

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
/// A command refused by a business rule. The message is for the clerk, worded in every language where it is made
/// (<see cref="Translations"/>) so the edge answers in the caller's (<see cref="MessageIn"/>); <see cref="Exception.Message"/>
/// is the Chinese wording, for logs. <see cref="Field"/> names the input at fault when there is one; <see cref="Code"/> is
/// the stable machine-readable reason (<see cref="ErrorCodes"/>), serialized with the exception so it crosses from silo to client.
/// </summary>
[GenerateSerializer, Alias("cloudoms.CommandException")]
public sealed class CommandException : Exception
{
    public CommandException(FailureKind kind, Text message, string? field = null, IReadOnlyList<string>? details = null, string? code = null)
        : base(message.Render(Languages.Chinese))
    {
        Kind = kind;
        Field = field;
        Details = details ?? [];
        Code = code ?? CodeOf(kind);
        Translations = message.Translations();
    }

    [Id(0)] public FailureKind Kind { get; }
    [Id(1)] public string? Field { get; }
    [Id(2)] public IReadOnlyList<string> Details { get; }

    /// <summary>One of <see cref="ErrorCodes"/>.</summary>
    [Id(3)] public string Code { get; }

    /// <summary>The message by culture name (zh-CN, en).</summary>
    [Id(4)] public IReadOnlyDictionary<string, string> Translations { get; }

    /// <summary>The code a refusal of <paramref name="kind"/> carries when its thrower names none.</summary>
    public static string CodeOf(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => ErrorCodes.InvalidInput,
        FailureKind.NotFound => ErrorCodes.NotFound,
        FailureKind.QuotaExceeded => ErrorCodes.QuotaExceeded,
        FailureKind.PaymentRequired => ErrorCodes.PaymentRequired,
        FailureKind.Suspended => ErrorCodes.Suspended,
        FailureKind.KeyReused => ErrorCodes.IdempotencyKeyReused,
        _ => ErrorCodes.Conflict,
    };

    /// <summary>The message in <paramref name="culture"/>'s language.</summary>
    public string MessageIn(CultureInfo culture) => Translations.In(culture, Message);

    public static CommandException NotFound(Text message) => new(FailureKind.NotFound, message);

    /// <summary>A conflict (HTTP 409) with its code, e.g. <see cref="ErrorCodes.InsufficientStock"/> with the short SKUs as details.</summary>
    public static CommandException Conflict(string code, Text message, IReadOnlyList<string>? details = null) =>
        new(FailureKind.Conflict, message, null, details, code);
    public static CommandException Invalid(string field, Text message) => new(FailureKind.Invalid, message, field);
    public static CommandException KeyReused(string field, Text message) => new(FailureKind.KeyReused, message, field);

    /// <summary>A quota refusal; <paramref name="kind"/> names the limit (orders, users, warehouses, skus).</summary>
    public static CommandException Quota(UsageKind kind, Text message) =>
        new(FailureKind.QuotaExceeded, message, kind.ToString().ToLowerInvariant());
}

/// <summary>
/// A storage write failed after the change may or may not have been saved. Retry the same operation
/// with the same operation id: the grain answers a retry with the recorded outcome.
/// </summary>
[GenerateSerializer, Alias("cloudoms.OutcomeUnknownException")]
public sealed class OutcomeUnknownException(Text message) : Exception(message.Render(Languages.Chinese))
{
    /// <summary>The message by culture name (zh-CN, en).</summary>
    [Id(0)] public IReadOnlyDictionary<string, string> Translations { get; } = message.Translations();

    public string MessageIn(CultureInfo culture) => Translations.In(culture, Message);
}

