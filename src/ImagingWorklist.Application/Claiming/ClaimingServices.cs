using ImagingWorklist.Application.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Claiming;

public static class ClaimingServices
{
    public static IServiceCollection AddClaiming(this IServiceCollection services, IConfiguration configuration) => services
        .AddSettings<ClaimSettings>(configuration, ClaimSettings.Section, s => s.Problems())
        .AddSingleton<ClaimService>()
        .AddSingleton<WithdrawnClaimsQuery>();
}
