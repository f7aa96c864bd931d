namespace CloudOMS.Texts;

/// <summary>
/// The stable, machine-readable codes an API problem carries in its <c>code</c> field (docs/architecture.md, HTTP API).
/// Clients branch on these, never on the message, which is for people and may change. Never rename one.
/// </summary>
public static class ErrorCodes
{
    public const string InvalidInput = "invalid_input";
    public const string MalformedRequest = "malformed_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";

    /// <summary>A conflict with no finer code.</summary>
    public const string Conflict = "conflict";

    /// <summary>The order's status does not allow the action (a repeat of the action that led there is answered 200).</summary>
    public const string InvalidTransition = "invalid_transition";

    /// <summary>Not enough available stock; the problem's <c>skus</c> names the short SKUs.</summary>
    public const string InsufficientStock = "insufficient_stock";

    /// <summary>A deactivated SKU takes no new reservations; <c>skus</c> names them.</summary>
    public const string SkuInactive = "sku_inactive";

    /// <summary>The change would leave reserved stock above on-hand, or release or ship more than is reserved.</summary>
    public const string BelowReserved = "below_reserved";

    /// <summary>
    /// An Idempotency-Key (or payment reference) already stands for another request of the company (HTTP 422); the
    /// problem's field errors name the key's field. Send the request again unchanged, or use a new key.
    /// </summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>Someone changed the same data at the same moment: reload and try again (HTTP 409).</summary>
    public const string ConcurrentChange = "concurrent_change";

    /// <summary>A record with this name or number already exists, e.g. made by a request sent twice at once (HTTP 409).</summary>
    public const string AlreadyExists = "already_exists";

    /// <summary>The body is not JSON (Content-Type: application/json) where a route takes JSON (HTTP 415).</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    public const string QuotaExceeded = "quota_exceeded";
    public const string PaymentRequired = "payment_required";
    public const string Suspended = "suspended";
    public const string RateLimited = "rate_limited";

    /// <summary>A write failed after it may have been saved: retry with the same ids and keys.</summary>
    public const string OutcomeUnknown = "outcome_unknown";

    /// <summary>A part of the cluster (a silo, the connection to it) is away or restarting: retry after Retry-After.</summary>
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>The database is stopped, restarting or unreachable: retry after Retry-After.</summary>
    public const string DatabaseUnavailable = "database_unavailable";

    /// <summary>The embedded database (SQLite, one writer) is busy with another write: retry after Retry-After.</summary>
    public const string DatabaseBusy = "database_busy";

    /// <summary>The request did not finish within its deadline; its outcome is unknown, so retry with the same ids.</summary>
    public const string Timeout = "timeout";

    public const string InternalError = "internal_error";
}
