using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Workitems;

public static class WorkitemServices
{
    public static IServiceCollection AddWorkitems(this IServiceCollection services) => services
        .AddSingleton<UpsSubscriptions>()
        .AddSingleton<TaskSearch>()
        .AddSingleton<WorkitemService>();
}
