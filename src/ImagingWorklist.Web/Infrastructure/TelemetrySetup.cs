using ImagingWorklist.Application.Common;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// OpenTelemetry: runtime, ASP.NET Core (with SignalR's connections), HTTP client and the product's own metrics
/// (<see cref="WorklistMetrics"/>, <see cref="OperationsGauges"/>) on a Prometheus scrape endpoint for the allowed
/// networks; with an OTLP endpoint set, metrics and traces (HTTP in and out, EF Core, Npgsql, Redis, SignalR hub calls,
/// and a span per HL7/FHIR message and ingest batch) go to the collector too.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IHostApplicationBuilder AddWorklistTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<TelemetrySettings>(builder.Configuration, "Telemetry", s => s.Problems());
        var settings = builder.Configuration.GetSection("Telemetry").Get<TelemetrySettings>() ?? new TelemetrySettings();
        var otlp = settings.OtlpEndpoint is { Length: > 0 } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : null;
        builder.Services.AddSingleton<OperationsGauges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationsGauges>());
        builder.Services.AddSingleton<OpenCircuits>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, OpenCircuits.Counter>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ImagingWorklist"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(WorklistMetrics.MeterName, OperationsGauges.MeterName, "Microsoft.AspNetCore.Http.Connections",
                    "Microsoft.AspNetCore.Server.Kestrel")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            var redis = !string.IsNullOrWhiteSpace(builder.Configuration["Redis:Configuration"]);
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource("Npgsql", "Microsoft.AspNetCore.SignalR.Server", WorklistMetrics.SourceName)
                    .AddOtlpExporter(o => o.Endpoint = otlp);
                if (redis)
                {
                    // The change feed's connection (registered with Redis:Configuration); the SignalR backplane keeps its own.
                    tracing.AddRedisInstrumentation();
                }
            });
        }

        return builder;
    }

    /// <summary>The scrape endpoint, answered only to the allowed networks (403 with the reason for anyone else).</summary>
    public static WebApplication MapWorklistMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<TelemetrySettings>();
        if (!settings.Prometheus)
        {
            return app;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsPath), branch => branch.Use(async (context, next) =>
        {
            var peer = context.Connection.RemoteIpAddress;
            if (peer is null || !settings.AllowedNetworks.Any(n => n.Contains(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Metrics are served only to the networks in Telemetry:MetricsAllowedNetworks.");
                return;
            }

            await next(context);
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }
}
