using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Audit;

public static class AuditServices
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services
        .AddSingleton<AuditQuery>()
        .AddSingleton<AuditTrail>();
}
