using CloudOMS.Silo.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CloudOMS.WebPortal.Tests.Operations;

/// <summary>Exporting is opt-in: without an OTLP endpoint nothing is collected for export.</summary>
public sealed class TelemetrySetupTests
{
    [Fact]
    public void Without_an_OTLP_endpoint_no_OpenTelemetry_provider_is_registered()
    {
        using var host = Build([]);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData(TelemetryExtensions.OtlpEndpointSetting)]
    public void An_OTLP_endpoint_turns_on_traces_and_metrics(string setting)
    {
        // Nothing listens there; the exporter only sends on its schedule, and this host never starts.
        using var host = Build(new() { [setting] = "http://127.0.0.1:4317" });

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCloudOmsTelemetry();
        return builder.Build();
    }
}
