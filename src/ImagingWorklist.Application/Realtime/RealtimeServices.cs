using ImagingWorklist.Application.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImagingWorklist.Application.Realtime;

public static class RealtimeServices
{
    /// <summary>This instance's engine and the announce path; the Web replaces the notifier with one that reaches pages and other
    /// instances.</summary>
    public static IServiceCollection AddEngineAndAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<WorklistEngineHost>();
        services.AddSingleton<WorklistChangeDispatcher>();
        services.AddSingleton<ChangeAnnouncer>();
        services.AddSingleton<InstanceLink>();
        services.TryAddSingleton<IWorklistNotifier, InProcessNotifier>();
        return services;
    }
}
