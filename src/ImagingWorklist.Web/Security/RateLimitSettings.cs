using ImagingWorklist.Web.Infrastructure;

namespace ImagingWorklist.Web.Security;

/// <summary>The <c>RateLimits</c> settings: requests per client address per minute before 429 Too Many Requests.</summary>
internal sealed record RateLimitSettings : IStartupSettings
{
    public static string Section => "RateLimits";

    public int SignInPerMinute { get; init; } = 10;

    public int TokenPerMinute { get; init; } = 60;

    public int IngestPerMinute { get; init; } = 6000;

    public int For(string door) => door switch { "SignIn" => SignInPerMinute, "Token" => TokenPerMinute, _ => IngestPerMinute };

    public IEnumerable<string> Problems() =>
        new[] { ("SignInPerMinute", SignInPerMinute), ("TokenPerMinute", TokenPerMinute), ("IngestPerMinute", IngestPerMinute) }
            .Where(limit => limit.Item2 < 1)
            .Select(limit => $"RateLimits:{limit.Item1} must be at least 1, not {limit.Item2}.");
}
