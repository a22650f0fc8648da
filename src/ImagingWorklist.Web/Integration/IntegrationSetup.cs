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
        return builder;
    }
}
