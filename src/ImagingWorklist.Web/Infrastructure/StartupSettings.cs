using Microsoft.Extensions.Options;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// Settings the host needs while it is being composed (security, rate limits, Redis): bound from their section and
/// checked once, by the first part of the composition that asks, so a wrong value stops the app naming the setting;
/// then registered like every other settings class (<see cref="Application.Common.Settings"/>).
/// </summary>
internal static class StartupSettings
{
    public static T Settings<T>(this IHostApplicationBuilder builder)
        where T : class, IStartupSettings, new()
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(T))?.ImplementationInstance is T bound)
        {
            return bound;
        }

        var settings = builder.Configuration.GetSection(T.Section).Get<T>() ?? new T();
        if (settings.Problems().ToList() is { Count: > 0 } found)
        {
            throw new OptionsValidationException(T.Section, typeof(T), found);
        }

        builder.Services.AddSingleton(settings);
        return settings;
    }
}
