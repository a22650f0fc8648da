using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>
/// A finding flagged by the reporter under one of the alert categories: raised, then communicated (who was told, how
/// and when), then acknowledged by the referring team; it stays open on every manager's dashboard until then, and is
/// escalated once when acknowledgement is overdue.
/// </summary>
public sealed class CriticalFinding
{
    public const int TextMaxLength = 1000;
    public const int NameMaxLength = 200;
    public const int SiteMaxLength = 100;

    private CriticalFinding()
    {
        Summary = string.Empty;
        CommunicatedTo = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ExamId { get; private set; }

    public Guid TrustId { get; private set; }

    public FindingCategory Category { get; private set; }

    public string Summary { get; private set; }

    /// <summary>For a CANCER alert: the suspected primary tumour site, so the referrer knows whom to refer to.</summary>
    public string? SuspectedPrimarySite { get; private set; }

    public Guid RaisedById { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>The person told (name and role, e.g. "Dr A Khan, ED registrar"); empty until communicated.</summary>
    public string CommunicatedTo { get; private set; }

    public CommunicationMethod? Method { get; private set; }

    public DateTimeOffset? CommunicatedAt { get; private set; }

    /// <summary>Acknowledgement is due by then (counted from the earlier of raising and telling); after it, escalation.</summary>
    public DateTimeOffset AcknowledgeBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>Who acknowledged on the referring side, as recorded.</summary>
    public string? AcknowledgedBy { get; private set; }

    /// <summary>Who recorded the acknowledgement here.</summary>
    public string? RecordedBy { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => AcknowledgedAt is null;

    public FindingState State => AcknowledgedAt is not null ? FindingState.Acknowledged
        : EscalatedAt is not null ? FindingState.Escalated
        : CommunicatedAt is not null ? FindingState.Communicated
        : FindingState.Raised;

    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && now >= AcknowledgeBy;

    /// <summary>Raises a finding; when <paramref name="told"/> is given it was communicated as it was raised.</summary>
    public static Outcome<CriticalFinding> Raise(
        Guid id,
        Guid examId,
        Guid trustId,
        FindingCategory category,
        string summary,
        string? suspectedPrimarySite,
        Guid raisedById,
        Communication? told,
        CriticalFindingPolicy policy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.Offered.Contains(category))
        {
            return Outcome<CriticalFinding>.Rejected(
                $"This network does not use the {Labels.Of(category)} category; choose " +
                    $"{string.Join(", ", policy.Offered.Select(Labels.Of))}.");
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            return Outcome<CriticalFinding>.Rejected("Describe the finding in a few words.");
        }

        if (summary.Length > TextMaxLength || (suspectedPrimarySite?.Length ?? 0) > SiteMaxLength)
        {
            return Outcome<CriticalFinding>.Rejected(
                $"The description may be at most {TextMaxLength} characters and the site {SiteMaxLength}.");
        }

        if (StoredText.RefusalFor(("The description", summary), ("The site", suspectedPrimarySite)) is { } unstorable)
        {
            return Outcome<CriticalFinding>.Rejected(unstorable);
        }

        if (category == FindingCategory.Cancer && string.IsNullOrWhiteSpace(suspectedPrimarySite))
        {
            return Outcome<CriticalFinding>.Rejected(
                "A CANCER alert names the suspected primary site (for example: lung, colorectal), so the referrer knows where to refer.");
        }

        var finding = new CriticalFinding
        {
            Id = id,
            ExamId = examId,
            TrustId = trustId,
            Category = category,
            Summary = summary.Trim(),
            SuspectedPrimarySite = category == FindingCategory.Cancer ? suspectedPrimarySite!.Trim() : null,
            RaisedById = raisedById,
            RaisedAt = now,
            CommunicatedTo = string.Empty,
            AcknowledgeBy = now + policy.Within(category),
        };
        if (told is not null)
        {
            var communicated = finding.Communicate(told, policy, now);
            if (!communicated.Succeeded)
            {
                return Outcome<CriticalFinding>.Rejected(communicated.Reason!);
            }

            finding.Version = 0;
        }

        return Outcome<CriticalFinding>.Accepted(finding);
    }

    /// <summary>Records who was told, how and when; a CRITICAL finding must be told by voice.</summary>
    public Outcome Communicate(Communication told, CriticalFindingPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(told);
        ArgumentNullException.ThrowIfNull(policy);
        if (CommunicatedAt is not null)
        {
            return Outcome.Rejected($"This finding was already communicated to {CommunicatedTo}.");
        }

        if (string.IsNullOrWhiteSpace(told.To))
        {
            return Outcome.Rejected("Say who was told (name and role), as the RCR standard requires.");
        }

        if (told.To.Length > NameMaxLength)
        {
            return Outcome.Rejected($"The name may be at most {NameMaxLength} characters.");
        }

        if (StoredText.RefusalFor(("The name", told.To)) is { } unstorable)
        {
            return Outcome.Rejected(unstorable);
        }

        if (Category == FindingCategory.Critical && told.Method == CommunicationMethod.SecureMessage)
        {
            return Outcome.Rejected("A CRITICAL finding is told by voice (telephone, bleep or in person), not by a message alone.");
        }

        if (told.At > now.AddMinutes(5))
        {
            return Outcome.Rejected("The time the finding was communicated cannot be in the future.");
        }

        CommunicatedTo = told.To.Trim();
        Method = told.Method;
        CommunicatedAt = told.At;
        AcknowledgeBy = (told.At < RaisedAt ? told.At : RaisedAt) + policy.Within(Category);
        Version++;
        return Outcome.Accepted;
    }

    public Outcome Acknowledge(string acknowledgedBy, string recordedBy, DateTimeOffset at, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Outcome.Rejected($"This finding was already acknowledged by {AcknowledgedBy}.");
        }

        if (CommunicatedAt is null)
        {
            return Outcome.Rejected("Record who was told about the finding before recording their acknowledgement.");
        }

        if (string.IsNullOrWhiteSpace(acknowledgedBy) || acknowledgedBy.Length > NameMaxLength)
        {
            return Outcome.Rejected("Say who acknowledged the finding (name and role).");
        }

        if (StoredText.RefusalFor(("The name", acknowledgedBy)) is { } unstorable)
        {
            return Outcome.Rejected(unstorable);
        }

        var earliest = CommunicatedAt < RaisedAt ? CommunicatedAt.Value : RaisedAt;
        if (at > now.AddMinutes(5) || at < earliest.AddMinutes(-5))
        {
            return Outcome.Rejected("The acknowledgement time must lie between when the finding was raised and now.");
        }

        AcknowledgedAt = at;
        AcknowledgedBy = acknowledgedBy.Trim();
        RecordedBy = recordedBy;
        Version++;
        return Outcome.Accepted;
    }

    /// <summary>Marks an overdue finding escalated, once.</summary>
    public Outcome Escalate(DateTimeOffset now)
    {
        if (!IsOverdueAt(now) || EscalatedAt is not null)
        {
            return Outcome.Rejected("Nothing to escalate.");
        }

        EscalatedAt = now;
        Version++;
        return Outcome.Accepted;
    }
}
