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

    /// <summary>A data access request was drafted, changed, submitted or withdrawn by its requester.</summary>
    DataAccessRequested,

    /// <summary>A data guardian approved or refused a data access request.</summary>
    DataAccessDecided,

    /// <summary>A de-identified extract was made for an approved request (its counts in the detail).</summary>
    ResearchExtractMade,

    /// <summary>A file of a research extract left the system (browser download or FHIR Bulk Data).</summary>
    ResearchExtractDownloaded,

    /// <summary>The national data opt-out list was imported (its count in the detail).</summary>
    OptOutsImported,

    /// <summary>An AI algorithm was registered or changed (vendor, version, findings, the trusts it is live for).</summary>
    AiAlgorithmChanged,

    /// <summary>An AI algorithm's results for an exam arrived (live or silent, positive or not, in the detail).</summary>
    AiResultReceived,

    /// <summary>A radiologist said whether an AI finding was present.</summary>
    AiFindingJudged,

    /// <summary>An exam entered a hyperacute fast lane (from the order, a radiographer's flag, or an AI finding).</summary>
    FastLaneEntered,

    /// <summary>An exam was taken out of its fast lane, with the reason.</summary>
    FastLaneLeft,

    /// <summary>A verbal report was given (who was told, when) and issued as the preliminary report.</summary>
    VerbalReportGiven,
}
