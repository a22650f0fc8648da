using ImagingWorklist.Application.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.FastLanes;

public static class FastLaneServices
{
    public static IServiceCollection AddFastLanes(this IServiceCollection services, IConfiguration configuration) => services
        .AddSettings<FastLaneSettings>(configuration, FastLaneSettings.Section, s => s.Problems())
        .AddSingleton<FastLaneService>();
}
