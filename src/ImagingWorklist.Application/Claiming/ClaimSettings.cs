using ImagingWorklist.Application.Common;

namespace ImagingWorklist.Application.Claiming;

/// <summary>The <c>Claims</c> settings.</summary>
public sealed record ClaimSettings
{
    public const string Section = "Claims";

    /// <summary>A claim lapses this long after its last heartbeat.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>How often lapsed claims are released and the ranking clock advances.</summary>
    public TimeSpan ExpiryCheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems() =>
        Settings.Positive(Lease, "Claims:Lease").Concat(Settings.Positive(ExpiryCheckInterval, "Claims:ExpiryCheckInterval"));
}
