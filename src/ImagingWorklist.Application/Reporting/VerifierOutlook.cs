namespace ImagingWorklist.Application.Reporting;

/// <summary>
/// Who could verify a registrar's report on the exam: consultants with its skill, its modality and body part in their
/// scope and a valid credential for its trust, on duty now on a shift covering it, or else the first to come on duty
/// within a week. Null names mean nobody is on the rota in that week.
/// </summary>
public sealed record VerifierOutlook(IReadOnlyList<string> OnDutyNow, DateTimeOffset? NextOnDutyAt, string? NextOnDuty)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    public bool NobodyOnDuty => OnDutyNow.Count == 0;
}
