namespace CloudOMS.Grains;

public sealed class ChannelOrderIndexGrain(
    [PersistentState(StorageNames.ChannelOrder, StorageNames.Provider)] IPersistentState<ChannelOrderIndexState> state)
    : Grain, IChannelOrderIndexGrain
{
    public async Task<string> Claim(string candidate)
    {
        if (state.State.OrderId is { } existing) return existing;
        state.State.OrderId = candidate;
        await state.WriteStateAsync();
        return candidate;
    }
}
