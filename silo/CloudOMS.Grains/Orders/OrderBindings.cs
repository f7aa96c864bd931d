namespace CloudOMS.Grains;

/// <summary>How the grains that bind a create to an order id save that binding.</summary>
internal static class OrderBindings
{
    /// <summary>
    /// Saves the binding. A failed write may still have saved it: the grain then starts again from storage, so a
    /// retry either finds the binding or binds afresh (taking another number), never keeps one only in memory.
    /// </summary>
    public static async Task Save<TState>(Grain grain, IPersistentState<TState> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception error) when (error is not CommandException)
        {
            grain.DeactivateOnIdle();
            throw new OutcomeUnknownException(Msg.Of("OrderBindings.WriteFailedRetrySameRequest"));
        }
    }
}
