namespace CloudOMS.Grains;

/// <summary>
/// One caller key of one tenant, bound to the request that first used it (by the request's fingerprint, computed at
/// the edge from the operation and its body). Not reentrant: two requests racing with one key queue here, and the
/// second is either the same request (a replay) or refused.
/// </summary>
public sealed class IdempotencyKeyGrain(
    [PersistentState(StorageNames.IdempotencyKey, StorageNames.Provider)] IPersistentState<IdempotencyKeyState> state,
    TimeProvider clock) : Grain, IIdempotencyKeyGrain
{
    private IdempotencyKeyState Key => state.State;

    public async Task<bool> Claim(string fingerprint)
    {
        if (Bound(fingerprint)) return Key.Done;
        await OrderBindings.Save(this, state);
        return false;
    }

    public async Task Complete()
    {
        if (Key.Done) return;
        Key.Done = true;
        await OrderBindings.Save(this, state);
    }

    public async Task Release()
    {
        if (Key.Done || Key.Fingerprint is null) return;
        Key.Fingerprint = null;
        await OrderBindings.Save(this, state);
    }

    public async Task<OrderBinding> ClaimOrder(string fingerprint)
    {
        var bound = Bound(fingerprint);
        if (bound && Key.OrderId is { } existing) return new OrderBinding(existing, Fresh: false);
        try
        {
            Key.OrderId = await GrainFactory.Tenant(GrainKeys.TenantIdOf(this.GetPrimaryKeyString())).NextOrderId();
        }
        catch when (!bound)
        {
            // No number (the quota is used up, say): the key stays free for whatever the caller sends next.
            Key.Fingerprint = null;
            throw;
        }
        Key.Done = true;
        await OrderBindings.Save(this, state);
        return new OrderBinding(Key.OrderId, Fresh: true);
    }

    /// <summary>True when the key is already bound to this request; binds it (in memory) when free; refuses another request.</summary>
    private bool Bound(string fingerprint)
    {
        if (Key.Fingerprint is null)
        {
            (Key.Fingerprint, Key.At) = (fingerprint, clock.GetUtcNow());
            return false;
        }
        if (Key.Fingerprint == fingerprint) return true;
        var key = GrainKeys.TryParseId(this.GetPrimaryKeyString());
        throw CommandException.KeyReused("Idempotency-Key",
            Msg.Of("IdempotencyKeyGrain.IdempotencyKeyAlreadyUsedDifferentRequest", key));
    }
}
