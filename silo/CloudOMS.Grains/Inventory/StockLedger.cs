namespace CloudOMS.Grains;

/// <summary>
/// The stock rules of one SKU, over its stored state. Invariant for every warehouse:
/// 0 ≤ reserved ≤ on-hand. Every operation that changes stock is recorded by id until acknowledged,
/// so a retry returns the first outcome instead of applying twice.
/// </summary>
public sealed class StockLedger(SkuInventoryState state)
{
    /// <summary>Order operations are acknowledged in seconds; a record this old belongs to a lost acknowledgement.</summary>
    public static readonly TimeSpan OrderOperationRetention = TimeSpan.FromHours(24);

    /// <summary>Stock movements are kept long enough for a client retry and for the read model to record them.</summary>
    public static readonly TimeSpan MovementRetention = TimeSpan.FromHours(1);

    public SkuInventoryState State => state;

    public ReserveResult Reserve(ReserveRequest request, DateTimeOffset now)
    {
        if (Recorded(request.OperationId, StockOpKind.Reserve) is { } done)
            return new ReserveResult(done.Granted, done.Granted ? done.Warehouse : null, done.AvailableAfter);
        // After the repeat check: a reservation granted before deactivation still answers as granted.
        if (state.Inactive)
            throw CommandException.Conflict(ErrorCodes.SkuInactive, Msg.Of("StockLedger.SKUInactiveNoNewOrdersReservations", state.Profile?.Code), [state.Profile?.Code ?? ""]);
        RequirePositive(request.Quantity);

        var best = 0;
        foreach (var warehouse in request.Warehouses)
        {
            var level = Level(warehouse);
            var available = level.OnHand - level.Reserved;
            if (available >= request.Quantity)
            {
                level.Reserved += request.Quantity;
                Record(request.OperationId, StockOpKind.Reserve, request.OrderId, warehouse, request.Quantity, now, granted: true, available - request.Quantity);
                return new ReserveResult(true, warehouse, available - request.Quantity);
            }
            best = Math.Max(best, available);
        }
        // A refusal changes nothing, so it is not recorded (in a sold-out flash sale nearly every call is one, and
        // the grain stays small). A retry with the same id is decided afresh: the caller never acted on an answer it
        // did not get, and one it got (refused) it does not retry.
        return new ReserveResult(false, null, best);
    }

    public void Release(StockOpRequest request, DateTimeOffset now)
    {
        if (Recorded(request.OperationId, StockOpKind.Release) is not null) return;
        RequirePositive(request.Quantity);
        var level = Level(request.Warehouse);
        if (level.Reserved < request.Quantity)
            throw CommandException.Conflict(ErrorCodes.BelowReserved, Msg.Of("StockLedger.ReleaseExceedsReserved", level.Reserved, request.Quantity));
        level.Reserved -= request.Quantity;
        Record(request.OperationId, StockOpKind.Release, request.OrderId, request.Warehouse, request.Quantity, now, granted: true, level.OnHand - level.Reserved);
    }

    public void Commit(StockOpRequest request, DateTimeOffset now)
    {
        if (Recorded(request.OperationId, StockOpKind.Commit) is not null) return;
        RequirePositive(request.Quantity);
        var level = Level(request.Warehouse);
        if (level.Reserved < request.Quantity || level.OnHand < request.Quantity)
            throw CommandException.Conflict(ErrorCodes.BelowReserved, Msg.Of("StockLedger.ShipmentExceedsReserved", level.Reserved, request.Quantity));
        level.Reserved -= request.Quantity;
        level.OnHand -= request.Quantity;
        Record(request.OperationId, StockOpKind.Commit, request.OrderId, request.Warehouse, request.Quantity, now, granted: true, level.OnHand - level.Reserved);
    }

    public void Move(StockMove move, DateTimeOffset now)
    {
        var kind = move.Kind switch
        {
            StockMoveKind.Receive => StockOpKind.Receive,
            StockMoveKind.Adjust => StockOpKind.Adjust,
            StockMoveKind.Transfer => StockOpKind.TransferOut,
            _ => StockOpKind.SetSafetyStock,
        };
        if (Recorded(move.OperationId, kind) is not null) return;
        TextRules.Ensure(("reason", move.Reason));
        var level = Level(move.Warehouse);
        switch (move.Kind)
        {
            case StockMoveKind.Receive:
                RequirePositive(move.Quantity);
                RequireRoom(move.Quantity);
                level.OnHand += move.Quantity;
                break;
            case StockMoveKind.Adjust:
                if (move.Quantity == 0) throw CommandException.Invalid("quantity", Msg.Of("StockLedger.AdjustmentNotZero"));
                if (level.OnHand + move.Quantity < level.Reserved)
                    throw CommandException.Conflict(ErrorCodes.BelowReserved, Msg.Of("StockLedger.HandWouldFallBelowReserved", level.OnHand + move.Quantity, level.Reserved));
                RequireRoom(move.Quantity);
                level.OnHand += move.Quantity;
                break;
            case StockMoveKind.Transfer:
                RequirePositive(move.Quantity);
                if (move.ToWarehouse is null || move.ToWarehouse == move.Warehouse)
                    throw CommandException.Invalid("toWarehouse", Msg.Of("StockLedger.ChooseDifferentDestinationWarehouse"));
                if (level.OnHand - level.Reserved < move.Quantity)
                    throw CommandException.Conflict(ErrorCodes.InsufficientStock, Msg.Of("StockLedger.NotEnoughAvailableStock", level.OnHand - level.Reserved, move.Quantity),
                        [state.Profile?.Code ?? ""]);
                level.OnHand -= move.Quantity;
                Level(move.ToWarehouse).OnHand += move.Quantity;
                break;
            case StockMoveKind.SetSafetyStock:
                if (move.Quantity < 0) throw CommandException.Invalid("quantity", Msg.Of("StockLedger.SafetyStockNotNegative"));
                level.SafetyStock = move.Quantity;
                break;
        }
        Record(move.OperationId, kind, null, move.Warehouse, move.Quantity, now, granted: true, level.OnHand - level.Reserved,
            move.ToWarehouse, TextRules.Clean(move.Reason), move.Actor);
    }

    public void Acknowledge(IEnumerable<string> operationIds)
    {
        foreach (var id in operationIds) state.Pending.Remove(id);
    }

    /// <summary>Drops records nobody can still ask about. Returns whether anything was dropped.</summary>
    public bool Prune(DateTimeOffset now)
    {
        var stale = state.Pending
            .Where(p => now - p.Value.At > (p.Value.OrderId is null ? MovementRetention : OrderOperationRetention))
            .Select(p => p.Key)
            .ToList();
        foreach (var id in stale) state.Pending.Remove(id);
        return stale.Count > 0;
    }

    public bool IsRecorded(string operationId) => state.Pending.ContainsKey(operationId);

    public IReadOnlyList<StockLevelInfo> Levels(int defaultSafetyStock) =>
        [.. state.Warehouses
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new StockLevelInfo(w.Key, w.Value.OnHand, w.Value.Reserved, w.Value.SafetyStock ?? defaultSafetyStock))];

    private StockLevel Level(string warehouse)
    {
        if (!state.Warehouses.TryGetValue(warehouse, out var level))
        {
            level = new StockLevel();
            state.Warehouses[warehouse] = level;
        }
        return level;
    }

    private PendingStockOp? Recorded(string operationId, StockOpKind kind)
    {
        if (string.IsNullOrEmpty(operationId)) throw CommandException.Invalid("operationId", Msg.Of("StockLedger.OperationIdRequired"));
        if (!state.Pending.TryGetValue(operationId, out var op)) return null;
        return op.Kind == kind
            ? op
            : throw CommandException.Conflict(ErrorCodes.Conflict, Msg.Of("StockLedger.OperationIdAlreadyUsed", operationId, op.Kind));
    }

    private void Record(string id, StockOpKind kind, string? orderId, string warehouse, int quantity, DateTimeOffset now,
        bool granted, int availableAfter, string? toWarehouse = null, string? reason = null, string? actor = null) =>
        state.Pending[id] = new PendingStockOp
        {
            Kind = kind,
            OrderId = orderId,
            Warehouse = warehouse,
            ToWarehouse = toWarehouse,
            Quantity = quantity,
            Granted = granted,
            AvailableAfter = availableAfter,
            Reason = reason,
            Actor = actor,
            At = now,
        };

    /// <summary>Refuses stock that would take the SKU's on-hand, over all warehouses, past <see cref="Limits.MaxStock"/>.</summary>
    private void RequireRoom(int added)
    {
        var onHand = state.Warehouses.Values.Sum(w => (long)w.OnHand);
        if (onHand + added > Limits.MaxStock)
            throw CommandException.Invalid("quantity", Msg.Of("StockLedger.HandWouldExceedLimitUnitsPer", Limits.MaxStock, onHand));
    }

    private static void RequirePositive(int quantity)
    {
        if (quantity <= 0 || quantity > Limits.MaxQuantity)
            throw CommandException.Invalid("quantity", Msg.Of("StockLedger.QuantityBetween", Limits.MaxQuantity));
    }
}
