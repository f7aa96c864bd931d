namespace CloudOMS.Silo;

/// <summary>
/// Tells an Orleans client the moment one of its gateway connections closes, i.e. the silo behind it died or
/// stopped. Orleans fails a call in flight to a dead silo only once the cluster has declared it dead (about
/// ProbeTimeout × NumMissedProbesLimit, 15 s with the defaults) or at the call's response timeout; a request sent
/// through the dead gateway, or forwarded by another gateway to the dead silo, just waits. A caller with a deadline
/// of its own (the API's) uses <see cref="Next"/> to stop waiting sooner for calls that were in flight at the loss.
/// </summary>
public sealed class GatewayLosses : IClusterConnectionStatusObserver
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first gateway loss after the moment it is read.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways) Lost();
    }

    public void NotifyClusterConnectionLost() => Lost();

    private void Lost() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
