using Microsoft.Extensions.DependencyInjection;

namespace ImagingWorklist.Application.Simulation;

public static class SimulationServices
{
    public static IServiceCollection AddSimulation(this IServiceCollection services) => services
        .AddSingleton<WhatIfService>()
        .AddSingleton<ForecastService>();
}
