using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImagingWorklist.Application.Common;

/// <summary>
/// Typed settings: one class per feature holds its defaults (in its property initialisers) and is bound from its
/// configuration section once. Values are checked when the app starts, so a wrong one stops it with the setting's name
/// instead of surfacing later as odd behaviour.
/// </summary>
public static class Settings
{
    /// <param name="problems">Each problem names the setting (<c>Section:Key</c>) and what it must be.</param>
    public static IServiceCollection AddSettings<T>(
        this IServiceCollection services,
        IConfiguration configuration,
        string section,
        Func<T, IEnumerable<string>>? problems = null)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        if (problems is not null)
        {
            services.AddSingleton<IValidateOptions<T>>(new Checked<T>(problems));
        }

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>A problem when a duration is not positive.</summary>
    public static IEnumerable<string> Positive(TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            yield return $"{setting} must be a positive duration (hh:mm:ss), not {value}.";
        }
    }

    private sealed class Checked<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options).ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
