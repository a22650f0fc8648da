using ImagingWorklist.Application.Common;
using ImagingWorklist.Application.Ingest;
using ImagingWorklist.Domain.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.FollowUps;

public static class FollowUpServices
{
    /// <summary>The <c>FollowUps</c> section: how late an order may still close a recommendation, and "due soon".</summary>
    public const string Section = "FollowUps";

    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration) => services
        .AddSettings<FollowUpPolicy>(configuration, Section, p =>
            Settings.Positive(p.Grace, "FollowUps:Grace").Concat(Settings.Positive(p.DueSoon, "FollowUps:DueSoon")))
        .AddSingleton<FollowUpService>()
        .AddSingleton<IIngestObserver>(sp => sp.GetRequiredService<FollowUpService>());
}
