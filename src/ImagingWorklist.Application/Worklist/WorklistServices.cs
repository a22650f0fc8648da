using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Worklist;

public static class WorklistServices
{
    public static IServiceCollection AddWorklist(this IServiceCollection services) => services
        .AddSingleton<OpenExamsQuery>()
        .AddSingleton<MyWorklistQuery>()
        .AddSingleton<Common.UserPreferenceStore>()
        .AddSingleton<WorklistFilterStore>()
        .AddSingleton<TrustsQuery>();
}
