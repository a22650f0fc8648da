using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Admin;

public static class AdminServices
{
    public static IServiceCollection AddAdministration(this IServiceCollection services) => services
        .AddSingleton<ProcedureCatalogue>()
        .AddSingleton<CredentialAdministration>()
        .AddSingleton<NetworkDirectoryQuery>()
        .AddScoped<UserAdministration>();
}
