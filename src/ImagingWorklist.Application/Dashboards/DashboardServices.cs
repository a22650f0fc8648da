using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Dashboards;

public static class DashboardServices
{
    public static IServiceCollection AddDashboards(this IServiceCollection services) => services
        .AddSingleton<BacklogQuery>()
        .AddSingleton<BacklogBreakdownQuery>()
        .AddSingleton<TurnaroundQuery>()
        .AddSingleton<ReporterActivityQuery>()
        .AddSingleton<WorkloadBalanceQuery>()
        .AddSingleton<MonthlyReturnQuery>()
        .AddSingleton<AlertAcknowledgementQuery>()
        .AddSingleton<OperationsQuery>();
}
