using ImagingWorklist.Application.Admin;
using ImagingWorklist.Application.Ai;
using ImagingWorklist.Application.Audit;
using ImagingWorklist.Application.Claiming;
using ImagingWorklist.Application.Dashboards;
using ImagingWorklist.Application.Database;
using ImagingWorklist.Application.Delivery;
using ImagingWorklist.Application.Demo;
using ImagingWorklist.Application.Exams;
using ImagingWorklist.Application.FastLanes;
using ImagingWorklist.Application.FollowUps;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Reporting;
using ImagingWorklist.Application.Research;
using ImagingWorklist.Application.Rota;
using ImagingWorklist.Application.Simulation;
using ImagingWorklist.Application.Workitems;
using ImagingWorklist.Application.Worklist;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImagingWorklist.Application;

public static class ApplicationServices
{
    /// <summary>
    /// Every feature registers its own use cases and settings. They hold no state between calls: each opens its own
    /// short-lived DbContext.
    /// </summary>
    public static IServiceCollection AddWorklistApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseInitialiser>();
        services.AddSingleton<DemoNetworkSeeder>();
        services.AddSingleton<DemoPeople>();
        return services
            .AddEngineAndAnnouncements()
            .AddWorklist()
            .AddExams()
            .AddClaiming(configuration)
            .AddReporting(configuration)
            .AddFollowUps(configuration)
            .AddResearch(configuration)
            .AddAi()
            .AddFastLanes(configuration)
            .AddDelivery(configuration)
            .AddIngest(configuration)
            .AddWorkitems()
            .AddRota()
            .AddDashboards()
            .AddSimulation()
            .AddAudit()
            .AddAdministration();
    }
}
