using ImagingWorklist.Application.Ingest;

namespace ImagingWorklist.Web.Integration;

internal static class IntegrationSetup
{
    public static IHostApplicationBuilder AddWorklistIntegration(this IHostApplicationBuilder builder)
    {
        var settings = new Hl7Settings();
        foreach (var facility in builder.Configuration.GetSection("Hl7:Facilities").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(facility.Value))
            {
                settings.Facilities[facility.Key] = facility.Value;
            }
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<MllpListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MllpListener>());

        // Signed reports go back to the trusts through the outbox.
        builder.Services.AddSingleton(new Application.Delivery.DeliverySettings
        {
            InitialRetry = builder.Configuration.GetValue("Delivery:InitialRetry", TimeSpan.FromSeconds(30)),
            MaxRetry = builder.Configuration.GetValue("Delivery:MaxRetry", TimeSpan.FromMinutes(30)),
        });
        builder.Services.AddHttpClient(ReportSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton<ReportSender>();
        builder.Services.AddSingleton<ReportDelivery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReportDelivery>());
        return builder;
    }
}
