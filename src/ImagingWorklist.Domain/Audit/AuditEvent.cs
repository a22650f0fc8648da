namespace ImagingWorklist.Domain.Audit;

/// <summary>
/// What happened. Where SIIM SWIM / IHE SOLE defines an event its name is used (OrderReceived, ImagesPrepared,
/// InterpStarted, Sendback, Reported, ReportCorrected, ExamReassigned, ExamCancelled, CritNotification).
/// </summary>
public enum AuditAction
{
    OrderReceived,
    ImagesPrepared,
    InterpStarted,
    LeaseRenewed,
    Sendback,
    LeaseExpired,
    ExamHeld,
    ExamResumed,
    PreliminaryIssued,
    Reported,
    ReportCorrected,
    ExamReassigned,
    ExamCancelled,
    CritNotification,
    PatientDataViewed,
    SignedIn,
    SignInFailed,
    RotaChanged,
    ConfigurationChanged,
    AuditExported,
    PatientUpdated,
    MessageReprocessed,
    ReportDraftSaved,
    VerificationRequested,
    ReportVerified,
    ReportReturned,
    ConsultRequested,
    ConsultAnswered,
    CritAcknowledged,
    CritEscalated,
    ReportDelivered,
    ReportDeliveryFailed,

    /// <summary>A reporter passed over the proposed next case, with a reason (counted: the cherry-picking signal).</summary>
    CaseSkipped,

    /// <summary>The system took a claim back from its holder (their credential for the trust lapsed).</summary>
    ClaimWithdrawn,

    /// <summary>A finding was flagged before anyone had been told (the telling is <see cref="CritNotification"/>).</summary>
    FindingRaised,

    /// <summary>A reporter recommended a follow-up examination or review.</summary>
    FollowUpRecommended,

    /// <summary>An order for the recommended follow-up arrived (from any trust of the network).</summary>
    FollowUpCompleted,

    /// <summary>A follow-up recommendation was closed by hand, with its reason.</summary>
    FollowUpClosed,
}

/// <summary>One append-only audit row: who did what, when, from where and why. Never updated or deleted.</summary>
public sealed class AuditEvent
{
    public const int ActorMaxLength = 200;
    public const int SourceMaxLength = 100;
    public const int DetailMaxLength = 2000;

    private AuditEvent()
    {
        Actor = string.Empty;
        Detail = string.Empty;
    }

    public AuditEvent(
        Guid id,
        DateTimeOffset at,
        AuditAction action,
        string actor,
        Guid? examId,
        Guid? trustId,
        string detail,
        string? source = null,
        string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Id = id;
        At = at;
        Action = action;
        Actor = actor;
        ExamId = examId;
        TrustId = trustId;
        Detail = detail;
        Source = source;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>User name, integration client id, or "system" for hosted services.</summary>
    public string Actor { get; private set; }

    public Guid? ExamId { get; private set; }

    public Guid? TrustId { get; private set; }

    public string Detail { get; private set; }

    /// <summary>Remote address or channel (MLLP peer, HTTP client).</summary>
    public string? Source { get; private set; }

    public string? Reason { get; private set; }
}
