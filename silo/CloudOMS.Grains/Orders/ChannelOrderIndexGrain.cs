namespace CloudOMS.Grains;

/// <summary>
/// Binds a channel order number to one CloudOMS order id. The order number is taken here, on the first bind only,
/// so re-sending a channel order (a platform's retry, a repeated import) takes no number and no quota. Not
/// reentrant: concurrent duplicates queue and the second finds the first one's binding.
/// </summary>
public sealed class ChannelOrderIndexGrain(
    [PersistentState(StorageNames.ChannelOrder, StorageNames.Provider)] IPersistentState<ChannelOrderIndexState> state)
    : Grain, IChannelOrderIndexGrain
{
    public async Task<OrderBinding> Bind()
    {
        if (state.State.OrderId is { } existing) return new OrderBinding(existing, Fresh: false);
        state.State.OrderId = await GrainFactory.Tenant(GrainKeys.TenantIdOf(this.GetPrimaryKeyString())).NextOrderId();
        await OrderBindings.Save(this, state);
        return new OrderBinding(state.State.OrderId, Fresh: true);
    }
}
