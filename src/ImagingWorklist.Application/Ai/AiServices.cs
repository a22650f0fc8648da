using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Ai;

public static class AiServices
{
    public static IServiceCollection AddAi(this IServiceCollection services) => services
        .AddSingleton<AiAlgorithms>()
        .AddSingleton<AiResults>()
        .AddSingleton<AiPerformance>();
}
