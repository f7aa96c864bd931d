namespace CloudOMS.Grains;

/// <summary>
/// A caller's Idempotency-Key (or operation id), per tenant: bound to the first request that used it, by a fingerprint
/// of that request. The same request again is a replay (answered, never applied twice); another request with the
/// same key is refused (<see cref="FailureKind.KeyReused"/>), so one key can never stand for two operations.
/// </summary>
public interface IIdempotencyKeyGrain : IGrainWithStringKey
{
    /// <summary>Binds the key to <paramref name="fingerprint"/> or checks it is that request; true when that request already finished.</summary>
    Task<bool> Claim(string fingerprint);

    /// <summary>Records that the request bound to the key finished: a replay is then answered without applying it.</summary>
    Task Complete();

    /// <summary>The request bound to the key was refused (it changed nothing): the key is free again for a corrected request.</summary>
    Task Release();

    /// <summary>As <see cref="Claim"/>, for an order create: the order id bound to the key, taking an order number only the first time.</summary>
    Task<OrderBinding> ClaimOrder(string fingerprint);
}

public sealed class IdempotencyKeyState
{
    public string? Fingerprint { get; set; }
    public bool Done { get; set; }
    public string? OrderId { get; set; }
    public DateTimeOffset At { get; set; }
}
