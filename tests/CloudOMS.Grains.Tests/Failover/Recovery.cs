namespace CloudOMS.Grains.Tests.Failover;

/// <summary>What the client does after a silo died: find out when every key answers again, then learn
/// the outcome of every request it sent, the way a real caller would (retry with the same ids).</summary>
public static class Recovery
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);

    /// <summary>Rounds of reads of every SKU and every order the client saw created, until one round is answered in full.</summary>
    public static Task UntilEveryKeyAnswers(IGrainFactory grains, FailoverShop shop, IReadOnlyList<BurstRequest> requests, TimeSpan limit) =>
        Eventually.Until(async () =>
        {
            var skus = FailoverShop.Skus.Select(s => Answers(grains.Sku(shop.TenantId, s.Code).Get()));
            var orders = requests.Where(r => r.CreateAcknowledged).Select(r => Answers(grains.Order(shop.TenantId, r.Id).Get()));
            return (await Task.WhenAll(skus.Concat(orders))).Count(answered => !answered);
        }, silent => silent == 0, limit, what: "every SKU and acknowledged order to answer (value: keys still silent)");

    /// <summary>
    /// Reservations granted or left unanswered are asked again with the same operation id: the SKU answers with
    /// the grant it recorded, or decides now if the first call never got that far. Orders whose approval went unanswered
    /// are approved again, as a client re-sends after an error: the order finishes or undoes its saga and answers with
    /// the approved order (already approved is not a conflict) or refuses for stock. Then every order is read back.
    /// </summary>
    public static async Task LearnOutcomes(IGrainFactory grains, FailoverShop shop, IReadOnlyList<BurstRequest> requests)
    {
        foreach (var chunk in requests.Chunk(32))
            await Task.WhenAll(chunk.Select(r => Learn(grains, shop, r)));
    }

    private static async Task Learn(IGrainFactory grains, FailoverShop shop, BurstRequest request)
    {
        if (request.Kind == BurstKind.Reservation)
        {
            // An answered refusal changed nothing and is not recorded: asking its id again is a new decision that
            // may find stock freed since (docs/architecture.md). It is left alone; the SKU totals show it holds nothing.
            if (request.AcknowledgedGranted == false) return;
            var (sku, quantity) = request.Lines[0];
            var again = new ReserveRequest(request.OperationId, request.Id, quantity, [FailoverShop.Warehouse]);
            request.FinalReservation = await Retry(() => grains.Sku(shop.TenantId, sku).Reserve(again));
            return;
        }
        var order = grains.Order(shop.TenantId, request.Id);
        if (request.CreateAcknowledged && !request.Acknowledged)
            request.ResentApproval = await Retry(async () =>
            {
                try
                {
                    return (await order.Approve("failover-test")).Status.ToString();
                }
                catch (CommandException refused)
                {
                    return refused.Code;
                }
            });
        request.FinalOrder = await Retry(order.Get);
    }

    private static async Task<bool> Answers<T>(Task<T?> read) where T : class
    {
        try
        {
            return await read.WaitAsync(ProbeTimeout) is not null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static Task<T> Retry<T>(Func<Task<T>> call) => Eventually.Succeeds(call, ProbeTimeout, RetryFor);
}
