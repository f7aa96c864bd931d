using CloudOMS.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CloudOMS.Silo.Operations;

/// <summary>
/// Traces, metrics and logs for the portal host and the standalone silo alike. OpenTelemetry is set up
/// only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT, or Telemetry:OtlpEndpoint):
/// otherwise nothing is collected for export and nothing touches the network. The "CloudOMS" meter
/// exists either way, so `dotnet-counters monitor --counters CloudOMS` works on any process.
/// </summary>
public static class TelemetryExtensions
{
    public const string OtlpEndpointSetting = "Telemetry:OtlpEndpoint";

    /// <summary>Orleans' activity sources and meters all start with this.</summary>
    public const string OrleansPrefix = "Microsoft.Orleans*";

    public static IHostApplicationBuilder AddCloudOmsTelemetry(this IHostApplicationBuilder builder)
    {
        // Chosen with Logging:Console:FormatterName=json (the default stays the readable simple format).
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.IncludeScopes = true;
        });

        var standard = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var ours = builder.Configuration[OtlpEndpointSetting];
        if (string.IsNullOrWhiteSpace(standard) && string.IsNullOrWhiteSpace(ours)) return builder;

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(OrleansPrefix))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansPrefix)
                .AddMeter(OmsMetrics.MeterName))
            .WithLogging();
        if (!string.IsNullOrWhiteSpace(standard))
            otel.UseOtlpExporter(); // reads every OTEL_EXPORTER_OTLP_* setting (protocol, headers) itself
        else
            otel.UseOtlpExporter(
                builder.Configuration.GetValue("Telemetry:OtlpProtocol", OtlpExportProtocol.Grpc),
                new Uri(ours!));
        return builder;
    }
}
