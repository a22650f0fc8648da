using ImagingWorklist.Domain.Common;

namespace ImagingWorklist.Domain.Reporting;

/// <summary>
/// The Royal College of Radiologists' categories for findings that must reach the referrer outside the normal report
/// flow. How soon each must be acknowledged is configuration (<see cref="CriticalFindingPolicy"/>).
/// </summary>
public enum FindingCategory
{
    /// <summary>Needs action within minutes (tension pneumothorax, aortic dissection): tell someone now, by voice.</summary>
    Critical,

    /// <summary>Needs action within hours (new pulmonary embolism in a stable patient).</summary>
    Urgent,

    /// <summary>Significant and unexpected (a suspected new cancer): must not wait in an unread report.</summary>
    SignificantUnexpected,
}

public enum CommunicationMethod
{
    Telephone,
    InPerson,
    SecureMessage,
    Bleep,
}

/// <summary>How long a referrer has to acknowledge each category before the finding is escalated.</summary>
public sealed record CriticalFindingPolicy
{
    public TimeSpan CriticalWithin { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan UrgentWithin { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan UnexpectedWithin { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan Within(FindingCategory category) => category switch
    {
        FindingCategory.Critical => CriticalWithin,
        FindingCategory.Urgent => UrgentWithin,
        _ => UnexpectedWithin,
    };
}

/// <summary>
/// A critical, urgent or unexpected finding flagged by the reporter, with who was told, how and when; it stays open
/// (on every manager's dashboard) until someone records that the referring team acknowledged it, and is escalated when
/// that does not happen in time.
/// </summary>
public sealed class CriticalFinding
{
    public const int TextMaxLength = 1000;
    public const int NameMaxLength = 200;

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

    public Guid RaisedById { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>The person told (name and role, e.g. "Dr A Khan, ED registrar").</summary>
    public string CommunicatedTo { get; private set; }

    public CommunicationMethod Method { get; private set; }

    public DateTimeOffset CommunicatedAt { get; private set; }

    /// <summary>Acknowledgement is due by then; after it the finding is escalated.</summary>
    public DateTimeOffset AcknowledgeBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>Who acknowledged on the referring side, as recorded.</summary>
    public string? AcknowledgedBy { get; private set; }

    /// <summary>Who recorded the acknowledgement here.</summary>
    public string? RecordedBy { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => AcknowledgedAt is null;

    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && now >= AcknowledgeBy;

    public static Outcome<CriticalFinding> Raise(
        Guid id,
        Guid examId,
        Guid trustId,
        FindingCategory category,
        string summary,
        Guid raisedById,
        string communicatedTo,
        CommunicationMethod method,
        DateTimeOffset communicatedAt,
        CriticalFindingPolicy policy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(summary))
        {
            return Outcome<CriticalFinding>.Rejected("Describe the finding in a few words.");
        }

        if (string.IsNullOrWhiteSpace(communicatedTo))
        {
            return Outcome<CriticalFinding>.Rejected("Say who was told (name and role), as the RCR standard requires.");
        }

        if (summary.Length > TextMaxLength || communicatedTo.Length > NameMaxLength)
        {
            return Outcome<CriticalFinding>.Rejected($"The description may be at most {TextMaxLength} characters and the name {NameMaxLength}.");
        }

        if (communicatedAt > now.AddMinutes(5))
        {
            return Outcome<CriticalFinding>.Rejected("The time the finding was communicated cannot be in the future.");
        }

        return Outcome<CriticalFinding>.Accepted(new CriticalFinding
        {
            Id = id,
            ExamId = examId,
            TrustId = trustId,
            Category = category,
            Summary = summary.Trim(),
            RaisedById = raisedById,
            RaisedAt = now,
            CommunicatedTo = communicatedTo.Trim(),
            Method = method,
            CommunicatedAt = communicatedAt,
            AcknowledgeBy = communicatedAt + policy.Within(category),
        });
    }

    public Outcome Acknowledge(string acknowledgedBy, string recordedBy, DateTimeOffset at, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Outcome.Rejected($"This finding was already acknowledged by {AcknowledgedBy}.");
        }

        if (string.IsNullOrWhiteSpace(acknowledgedBy) || acknowledgedBy.Length > NameMaxLength)
        {
            return Outcome.Rejected("Say who acknowledged the finding (name and role).");
        }

        if (at > now.AddMinutes(5) || at < RaisedAt.AddMinutes(-5))
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
