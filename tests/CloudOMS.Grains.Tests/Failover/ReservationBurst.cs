using CloudOMS.Silo.Operations;

namespace CloudOMS.Grains.Tests.Failover;

/// <summary>
/// Sends a burst of reservations and orders, a bounded number in flight, and records what the client
/// saw for each. A call that fails is not retried during the burst: its outcome is unknown, which is
/// exactly what the checks afterwards must cope with.
/// </summary>
public sealed class ReservationBurst(IGrainFactory grains, string tenantId, string warehouse, IReadOnlyList<BurstRequest> requests, int killPoint)
{
    private readonly TaskCompletionSource _killPoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acknowledged;

    /// <summary>Completes when <c>killPoint</c> requests have been acknowledged.</summary>
    public Task KillPointReached => _killPoint.Task;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>The longest the client waits for one answer; an answer lost with a dead silo counts as a failure.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public async Task Run(int inFlight)
    {
        using var gate = new SemaphoreSlim(inFlight);
        await Task.WhenAll(requests.Select(async request =>
        {
            await gate.WaitAsync();
            try
            {
                await Send(request);
            }
            finally
            {
                gate.Release();
            }
        }));
        _killPoint.TrySetResult();
    }

    private async Task Send(BurstRequest request)
    {
        try
        {
            request.AcknowledgedGranted = request.Kind == BurstKind.Reservation ? await Reserve(request) : await Order(request);
            request.AcknowledgedAt = DateTimeOffset.UtcNow;
            if (Interlocked.Increment(ref _acknowledged) == killPoint) _killPoint.TrySetResult();
        }
        catch (Exception error)
        {
            request.Error = error.GetType().Name;
            request.ErrorCause = TransientFailure.Of(error);
        }
    }

    private async Task<bool> Reserve(BurstRequest request)
    {
        var (sku, quantity) = request.Lines[0];
        var result = await grains.Sku(tenantId, sku).Reserve(new ReserveRequest(request.OperationId, request.Id, quantity, [warehouse]))
            .WaitAsync(CallTimeout);
        return result.Reserved;
    }

    private async Task<bool> Order(BurstRequest request)
    {
        var order = grains.Order(tenantId, request.Id);
        await order.Create(TestTenant.Order([.. request.Lines])).WaitAsync(CallTimeout);
        request.CreateAcknowledged = true;
        try
        {
            return (await order.Approve("failover-test").WaitAsync(CallTimeout)).Status == OrderStatus.Approved;
        }
        catch (CommandException refused) when (refused.Kind == FailureKind.Conflict)
        {
            // Not enough stock: a definite answer, the order stays pending review.
            return false;
        }
    }
}
