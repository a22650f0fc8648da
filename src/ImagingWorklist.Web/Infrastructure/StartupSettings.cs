using Microsoft.Extensions.Options;

namespace ImagingWorklist.Web.Infrastructure;

/// <summary>
/// Settings the host itself needs while it is being composed (security, rate limits, Redis): bound from their section
/// and checked at once (the first feature to ask binds them), so a wrong value stops the app naming the setting; then registered like every other settings
/// class (<see cref="Application.Common.Settings"/>).
/// </summary>
internal static class StartupSettings
{
    public static T Settings<T>(this IHostApplicationBuilder builder, string section, Func<T, IEnumerable<string>>? problems = null)
        where T : class, new()
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(T))?.ImplementationInstance is T bound)
        {
            return bound;
        }

        var settings = builder.Configuration.GetSection(section).Get<T>() ?? new T();
        if (problems?.Invoke(settings).ToList() is { Count: > 0 } found)
        {
            throw new OptionsValidationException(section, typeof(T), found);
        }

        builder.Services.AddSingleton(settings);
        return settings;
    }
}
