using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CloudOMS.Grains;
using NewOrder = CloudOMS.WebPortal.Testing.NewOrder;
using CloudOMS.WebPortal.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.WebPortal.Tests.Operations;

/// <summary>The "CloudOMS" meter is fed where things really happen: the SKU grain's reservations and the order's shipment.</summary>
public sealed class MetricsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly OmsClient _api = portal.Api;

    [Fact]
    public async Task Reserving_refusing_and_shipping_record_the_CloudOMS_instruments()
    {
        using var recorded = new Recorder(portal.Services.GetRequiredService<OmsMetrics>().Meter);
        var sku = await _api.CreateSku();
        await _api.Receive(sku, OmsClient.MainWarehouse, 5);

        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 3)));
        await _api.Act(order.OrderId, "approve");
        // Straight at the SKU grain, as a competing order's saga would reach it: 3 of 5 are taken, 4 more cannot be.
        var grain = portal.Services.GetRequiredService<IGrainFactory>().Sku(DemoTenant.Id, sku);
        var refusal = new ReserveRequest("metrics-test:" + sku, "other-order", 4, [OmsClient.MainWarehouse]);
        Assert.False((await grain.Reserve(refusal)).Reserved);
        // A refusal changes nothing and is not recorded: asked again, the grain decides again, and counts that decision.
        Assert.False((await grain.Reserve(refusal)).Reserved);
        await _api.Act(order.OrderId, "pick");
        var shipped = await _api.Act(order.OrderId, "ship", new { carrier = "SF", trackingNo = Unique.TrackingNo() });
        Assert.Equal("Shipped", shipped.Status);

        Assert.Equal(1, recorded.Sum(OmsMetrics.ReservationsGranted));
        Assert.Equal(2, recorded.Sum(OmsMetrics.ReservationsRefused));
        var shipment = Assert.Single(recorded.All(OmsMetrics.OrderShipDuration));
        Assert.InRange(shipment.Value, 0, (DateTimeOffset.UtcNow - order.CreatedAt).TotalSeconds);
        Assert.Equal("manual", shipment.Tags["cloudoms.channel"]);

        // The projection gauge reads how many stored changes the read model has yet to apply: none, once it has caught up.
        await _api.ReadModelCaughtUp();
        await Eventually.Until(() => Task.FromResult(recorded.Observe(OmsMetrics.ProjectionLag)), lag => lag == 0);
    }

    private sealed record Measurement(double Value, Dictionary<string, object?> Tags);

    /// <summary>Listens to one host's meter only (other test hosts in this process have their own).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, Measurement Measurement)> _seen = new();

        public Recorder(Meter meter)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
            _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
            _listener.Start();
        }

        /// <summary>Reads the observable instruments now; returns the newest value of one of them.</summary>
        public double? Observe(string instrument)
        {
            _listener.RecordObservableInstruments();
            return All(instrument).LastOrDefault()?.Value;
        }

        public IReadOnlyList<Measurement> All(string instrument) => [.. _seen.Where(s => s.Instrument == instrument).Select(s => s.Measurement)];

        public double Sum(string instrument) => All(instrument).Sum(m => m.Value);

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            _seen.Enqueue((instrument.Name, new Measurement(value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
    }
}
