using ImagingWorklist.Application.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Research;

public static class ResearchServices
{
    public const string Section = "Research";

    public static IServiceCollection AddResearch(this IServiceCollection services, IConfiguration configuration) => services
        .AddSettings<ResearchSettings>(configuration, Section, s => s.Problems())
        .AddSingleton<DataAccessRequests>()
        .AddSingleton<ResearchExtracts>()
        .AddSingleton<ExtractBuilder>()
        .AddSingleton<OptOuts>()
        .AddSingleton<GuardianDashboard>()
        .AddSingleton<IExtractFormat, ParquetExtractFormat>();
}
