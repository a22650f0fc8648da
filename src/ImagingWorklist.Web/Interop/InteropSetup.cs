using ImagingWorklist.Web.Interop.Delivery;
using ImagingWorklist.Web.Interop.Hl7v2;

namespace ImagingWorklist.Web.Interop;

internal static class InteropSetup
{
    public static IHostApplicationBuilder AddWorklistInterop(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MllpListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MllpListener>());

        // Signed reports go back to the trusts through the outbox.
        builder.Services.AddHttpClient(ReportSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton<ReportSender>();
        builder.Services.AddSingleton<ReportDelivery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReportDelivery>());
        return builder;
    }
}
