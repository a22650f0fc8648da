using ImagingWorklist.Application.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Delivery;

public static class DeliveryServices
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration) => services
        .AddSettings<DeliverySettings>(configuration, DeliverySettings.Section, s => s.Problems())
        .AddSingleton<DeliveryOutbox>()
        .AddSingleton<IssuedReports>();
}
