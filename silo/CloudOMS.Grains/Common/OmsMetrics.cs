using System.Diagnostics.Metrics;

namespace CloudOMS.Grains;

/// <summary>
/// CloudOMS's own instruments, on the meter "CloudOMS". Made through the host's meter factory, so two
/// hosts in one process (tests) each have their own meter. No tenant or customer tags: tenants are
/// many (unbounded cardinality) and a metric is no place for anything personal.
/// </summary>
public sealed class OmsMetrics
{
    public const string MeterName = "CloudOMS";
    public const string ReservationsGranted = "cloudoms.stock.reservations.granted";
    public const string ReservationsRefused = "cloudoms.stock.reservations.refused";
    public const string OrderShipDuration = "cloudoms.order.ship.duration";
    public const string ProjectionLag = "cloudoms.readmodel.projection.lag";
    public const string ProjectionQuarantined = "cloudoms.readmodel.projection.quarantined";

    // Orders ship in minutes to days: buckets from one minute to two weeks.
    private static readonly IReadOnlyList<double> ShipBuckets = [60, 300, 900, 1800, 3600, 4 * 3600, 12 * 3600, 86400, 2 * 86400, 3 * 86400, 7 * 86400, 14 * 86400];

    private readonly Counter<long> _granted;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _shipDuration;

    public OmsMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _granted = Meter.CreateCounter<long>(ReservationsGranted, "{reservation}", "Stock reservations granted (one per order line)");
        _refused = Meter.CreateCounter<long>(ReservationsRefused, "{reservation}", "Stock reservations refused because available stock was short");
        _shipDuration = Meter.CreateHistogram<double>(OrderShipDuration, "s", "Time from an order's creation to its shipment",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ShipBuckets });
    }

    public Meter Meter { get; }

    /// <summary>A new reservation's outcome, once durable (a retry answered from the record is not counted again).</summary>
    public void ReservationDecided(bool granted) => (granted ? _granted : _refused).Add(1);

    public void OrderShipped(DateTimeOffset createdAt, DateTimeOffset shippedAt, string channel) =>
        _shipDuration.Record(Math.Max(0, (shippedAt - createdAt).TotalSeconds), new KeyValuePair<string, object?>("cloudoms.channel", channel));
}
