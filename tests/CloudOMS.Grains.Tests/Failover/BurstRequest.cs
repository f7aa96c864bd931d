using CloudOMS.Silo.Operations;

namespace CloudOMS.Grains.Tests.Failover;

public enum BurstKind
{
    /// <summary>A reservation straight on one SKU grain, as a channel hold would make it.</summary>
    Reservation,

    /// <summary>An order created and then approved (its saga reserves every line).</summary>
    Order,
}

/// <summary>One request of the burst and what the client learned about it.</summary>
public sealed class BurstRequest(BurstKind kind, string id, IReadOnlyList<(string Sku, int Quantity)> lines)
{
    public BurstKind Kind => kind;

    /// <summary>The order id (for a reservation: the order id it reserves for).</summary>
    public string Id => id;

    public string OperationId => id + ":hold";

    public IReadOnlyList<(string Sku, int Quantity)> Lines => lines;

    /// <summary>The client was told the order exists (orders only).</summary>
    public bool CreateAcknowledged { get; set; }

    /// <summary>The client got an answer: granted (reserved / approved) or refused for stock.</summary>
    public bool? AcknowledgedGranted { get; set; }

    public bool Acknowledged => AcknowledgedGranted is not null;

    /// <summary>Set when a call failed: the outcome was unknown to the client.</summary>
    public string? Error { get; set; }

    /// <summary>How the HTTP edge would answer that failure: a transient cause is a 503, <see cref="TransientCause.None"/> a 500.</summary>
    public TransientCause ErrorCause { get; set; }

    /// <summary>Orders whose approval failed: what the approval re-sent after the failover answered (status, or the refusal's code).</summary>
    public string? ResentApproval { get; set; }

    /// <summary>After the failover, reservations: the answer to the same request asked again.</summary>
    public ReserveResult? FinalReservation { get; set; }

    /// <summary>After the failover, orders: the order read back (null if it was never created).</summary>
    public OrderSnapshot? FinalOrder { get; set; }

    /// <summary>After the failover: whether the request holds stock.</summary>
    public bool FinalGranted => Kind == BurstKind.Reservation ? FinalReservation?.Reserved == true : FinalOrder?.Hold == StockHold.Reserved;

    public DateTimeOffset? AcknowledgedAt { get; set; }
}
