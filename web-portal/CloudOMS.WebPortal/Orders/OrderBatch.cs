using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.WebPortal.Ui;

namespace CloudOMS.WebPortal.Orders;

/// <summary>Why one order of a batch was not done; <see cref="None"/> when it was.</summary>
public enum BatchFailure
{
    None,
    NotFound,
    OutOfScope,
    NoPermission,
    WrongStatus,
    Refused,
    Error,
    /// <summary>Beyond the <see cref="OrderBatch.MaxOrders"/> one batch takes.</summary>
    OverLimit,
}

/// <summary>One carrier for all, and each order's own tracking number.</summary>
public sealed record BulkShipment(string Carrier, IReadOnlyDictionary<string, string> TrackingNos);

/// <summary>What happened to one order of a batch. <see cref="Message"/> is the grain's refusal, when it refused.</summary>
public sealed record BatchResult(string OrderId, BatchFailure Failure, OrderStatus? Status = null, string? Message = null)
{
    public bool Succeeded => Failure == BatchFailure.None;
}

/// <summary>
/// Runs one order command over the orders a user selected, each through the same grain call as the API's
/// single-order route, under the same rules: the permission of that route, the warehouse scope of the
/// grant (<see cref="AccessGrant.Sees"/>) and the order workflow. Every order gets a result, in the order
/// given; a refusal or error on one never stops or hides the others.
/// </summary>
public sealed class OrderBatch(IGrainFactory grains, AccessGrant grant, string actor, ILogger<OrderBatch> logger)
{
    public const int MaxOrders = 200;
    private const int Parallelism = 4;

    /// <summary>Which orders could be shipped now (success) and why the others cannot; nothing is changed.</summary>
    public Task<IReadOnlyList<BatchResult>> CheckShip(IReadOnlyList<string> orderIds) =>
        Run(orderIds, OrderAction.Ship, null);

    public Task<IReadOnlyList<BatchResult>> Approve(IReadOnlyList<string> orderIds) =>
        Run(orderIds, OrderAction.Approve, (order, _) => order.Approve(actor));

    /// <summary>Ships every order with the same carrier and its own tracking number.</summary>
    public Task<IReadOnlyList<BatchResult>> Ship(string carrier, IReadOnlyDictionary<string, string> trackingNos) =>
        Run([.. trackingNos.Keys], OrderAction.Ship, (order, id) => order.Ship(actor, carrier, trackingNos[id].Trim()));

    private async Task<IReadOnlyList<BatchResult>> Run(IReadOnlyList<string> orderIds, OrderAction action,
        Func<IOrderGrain, string, Task<OrderSnapshot>>? command)
    {
        var ids = orderIds.Distinct().ToList();
        var results = new BatchResult[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, Math.Min(ids.Count, MaxOrders)), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (i, _) => results[i] = await One(ids[i], action, command));
        for (var i = MaxOrders; i < ids.Count; i++) results[i] = new(ids[i], BatchFailure.OverLimit);
        return results;
    }

    private async Task<BatchResult> One(string orderId, OrderAction action, Func<IOrderGrain, string, Task<OrderSnapshot>>? command)
    {
        if (!OrderActionRights.Allows(grant.Permissions, action)) return new(orderId, BatchFailure.NoPermission);
        if (!Limits.IsCode(orderId)) return new(orderId, BatchFailure.NotFound);
        var grain = grains.Order(grant.TenantId, orderId);
        try
        {
            var order = await grain.Get();
            if (order is null) return new(orderId, BatchFailure.NotFound);
            if (!grant.Sees(order.Warehouse)) return new(orderId, BatchFailure.OutOfScope, order.Status);
            // The grain checks this too; asking first gives the clerk the reason in their language.
            if (!OrderWorkflow.Can(order.Status, action)) return new(orderId, BatchFailure.WrongStatus, order.Status);
            if (command is null) return new(orderId, BatchFailure.None, order.Status);
            var done = await command(grain, orderId);
            return new(orderId, BatchFailure.None, done.Status);
        }
        catch (Exception refused) when (refused is CommandException or OutcomeUnknownException)
        {
            return new(orderId, BatchFailure.Refused, null, refused.Shown());
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // One order's fault (a silo restart, a timeout) must not leave the rest of the batch unreported.
            logger.LogWarning(error, "Batch {Action} of order {OrderId} failed", action, orderId);
            return new(orderId, BatchFailure.Error);
        }
    }
}
