using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Worklist;

public static class WorklistServices
{
    public static IServiceCollection AddWorklist(this IServiceCollection services) => services
        .AddSingleton<OpenExamsQuery>()
        .AddSingleton<WorklistFilterStore>()
        .AddSingleton<TrustsQuery>();
}
