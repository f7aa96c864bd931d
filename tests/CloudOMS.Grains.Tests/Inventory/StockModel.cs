namespace CloudOMS.Grains.Tests.Inventory;

/// <summary>A stock operation the property test generates.</summary>
public abstract record StockStep;

public sealed record ReceiveStep(string Warehouse, int Quantity) : StockStep;

public sealed record AdjustStep(string Warehouse, int Delta) : StockStep;

public sealed record TransferStep(string From, string To, int Quantity) : StockStep;

/// <summary>An order's life at the SKU: reserve, then ship (commit), cancel (release) or keep holding.</summary>
public sealed record OrderStep(string Warehouse, int Quantity, OrderEnd End) : StockStep;

public enum OrderEnd
{
    Keep,
    Ship,
    Cancel,
}

/// <summary>
/// The simplest possible model of one SKU: per warehouse, on-hand and reserved, applied one step
/// at a time. <see cref="Apply"/> returns whether the step took effect (a refusal changes nothing).
/// </summary>
public sealed class StockModel
{
    public Dictionary<string, (int OnHand, int Reserved)> Levels { get; } = [];

    public (int OnHand, int Reserved) this[string warehouse] => Levels.GetValueOrDefault(warehouse);

    public bool Apply(StockStep step)
    {
        var allowed = step switch
        {
            ReceiveStep => true,
            AdjustStep a => this[a.Warehouse].OnHand + a.Delta >= this[a.Warehouse].Reserved,
            TransferStep t => this[t.From].OnHand - this[t.From].Reserved >= t.Quantity,
            OrderStep o => this[o.Warehouse].OnHand - this[o.Warehouse].Reserved >= o.Quantity,
            _ => false,
        };
        ApplyObserved(step, allowed);
        return allowed;
    }

    /// <summary>Applies a step whose outcome was observed elsewhere (in a concurrent run).</summary>
    public void ApplyObserved(StockStep step, bool tookEffect)
    {
        if (!tookEffect) return;
        switch (step)
        {
            case ReceiveStep r:
                Set(r.Warehouse, this[r.Warehouse].OnHand + r.Quantity, this[r.Warehouse].Reserved);
                break;
            case AdjustStep a:
                Set(a.Warehouse, this[a.Warehouse].OnHand + a.Delta, this[a.Warehouse].Reserved);
                break;
            case TransferStep t:
                Set(t.From, this[t.From].OnHand - t.Quantity, this[t.From].Reserved);
                Set(t.To, this[t.To].OnHand + t.Quantity, this[t.To].Reserved);
                break;
            case OrderStep o:
                var (onHand, reserved) = this[o.Warehouse];
                Set(o.Warehouse, o.End == OrderEnd.Ship ? onHand - o.Quantity : onHand, o.End == OrderEnd.Keep ? reserved + o.Quantity : reserved);
                break;
        }
    }

    private void Set(string warehouse, int onHand, int reserved) => Levels[warehouse] = (onHand, reserved);
}
