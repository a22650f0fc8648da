using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Rota;

public static class RotaServices
{
    public static IServiceCollection AddRota(this IServiceCollection services) => services
        .AddSingleton<RotaWeekQuery>()
        .AddSingleton<RotaService>()
        .AddSingleton<JobPlans>()
        .AddSingleton<RotaFiles>()
        .AddSingleton<CoverQuery>();
}
