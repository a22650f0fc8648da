using ImagingWorklist.Web.Infrastructure;

namespace ImagingWorklist.Web.Realtime;

/// <summary>The <c>Redis</c> settings: a StackExchange.Redis configuration string; empty for one instance.</summary>
internal sealed record RedisSettings : IStartupSettings
{
    public static string Section => "Redis";

    public string? Configuration { get; init; }
}
