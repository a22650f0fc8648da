namespace ImagingWorklist.Domain.Reporting;

/// <summary>How long an order may still close a recommendation after its date, and when one counts as due soon.</summary>
public sealed record FollowUpPolicy
{
    /// <summary>An order this long after the recommended date still counts as the follow-up.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromDays(90);

    /// <summary>An open recommendation whose date is this close appears as due soon.</summary>
    public TimeSpan DueSoon { get; init; } = TimeSpan.FromDays(14);
}
