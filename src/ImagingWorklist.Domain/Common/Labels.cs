using ImagingWorklist.Domain.Audit;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Domain.Common;

/// <summary>
/// The product's one vocabulary: the words every page, CSV file, calendar and message uses for a domain value, so a
/// shift kind reads "On-call 1st" on the rota, in its export and in a clash warning alike (never <c>OnCallFirst</c>).
/// Files and forms accept these words as well as the code names (<see cref="TryParse{T}"/>).
/// </summary>
public static class Labels
{
    public static string Of(Pathway pathway) => pathway switch
    {
        Pathway.Emergency => "ED",
        Pathway.Inpatient => "Inpatient",
        Pathway.UrgentSuspectedCancer => "Urgent suspected cancer",
        Pathway.Outpatient => "Outpatient",
        Pathway.GpDirectAccess => "GP direct access",
        _ => "Screening",
    };

    public static string Of(FastLane lane) => lane switch
    {
        FastLane.Stroke => "Stroke",
        _ => "Major trauma",
    };

    public static string Of(ClinicalPriority priority) => priority switch
    {
        ClinicalPriority.Stat => "Stat",
        ClinicalPriority.Asap => "ASAP",
        ClinicalPriority.Urgent => "Urgent",
        _ => "Routine",
    };


    public static string Of(ExamState state) => state switch
    {
        ExamState.OnHold => "On hold",
        ExamState.AwaitingVerification => "Awaiting verification",
        _ => state.ToString(),
    };

    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "F",
        Sex.Male => "M",
        Sex.Other => "X",
        _ => "U",
    };

    public static string Of(ProfessionalRole role) => role switch
    {
        ProfessionalRole.ConsultantRadiologist => "Consultant radiologist",
        ProfessionalRole.Registrar => "Registrar",
        _ => "Reporting radiographer",
    };

    public static string Of(ShiftKind kind) => kind switch
    {
        ShiftKind.InHoursSession => "In-hours session",
        ShiftKind.OnCallFirst => "On-call 1st",
        ShiftKind.OnCallSecond => "On-call 2nd",
        ShiftKind.OutOfHoursHotReporting => "Out-of-hours hot reporting",
        _ => "Teleradiology cover",
    };

    public static string Of(AbsenceKind kind) => kind switch
    {
        AbsenceKind.AnnualLeave => "Annual leave",
        AbsenceKind.SickLeave => "Sick leave",
        _ => "Study leave",
    };

    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.AwaitingVerification => "Awaiting verification",
        ReportStatus.Preliminary => "Preliminary report",
        _ => status.ToString(),
    };

    public static string Of(FindingCategory category) => category switch
    {
        FindingCategory.Critical => "Critical",
        FindingCategory.Urgent => "Urgent",
        FindingCategory.Cancer => "Cancer",
        _ => "Significant unexpected",
    };

    public static string Of(FindingState state) => state switch
    {
        FindingState.Raised => "Raised, not yet told",
        FindingState.Communicated => "Told, awaiting acknowledgement",
        FindingState.Acknowledged => "Acknowledged",
        _ => "Escalated",
    };

    public static string Of(FollowUpRecipient recipient) => recipient == FollowUpRecipient.Referrer ? "Referrer" : "GP";

    public static string Of(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "Open",
        FollowUpStatus.Done => "Done",
        _ => "Closed",
    };

    public static string Of(FollowUpClosure closure) => closure switch
    {
        FollowUpClosure.Declined => "Declined by the patient",
        FollowUpClosure.DoneElsewhere => "Done elsewhere",
        FollowUpClosure.NotNeeded => "No longer needed",
        _ => "Patient deceased",
    };

    public static string Of(CommunicationMethod method) => method switch
    {
        CommunicationMethod.InPerson => "In person",
        CommunicationMethod.SecureMessage => "Secure message",
        CommunicationMethod.Bleep => "Bleep",
        _ => "Telephone",
    };

    public static string Of(Skill skill) => skill switch
    {
        Skill.Abdominal => "Abdominal/GI",
        Skill.Musculoskeletal => "MSK",
        Skill.HeadAndNeck => "Head and neck",
        Skill.Vascular => "Vascular/IR",
        Skill.NuclearMedicine => "Nuclear medicine",
        _ => skill.ToString(),
    };

    /// <summary>What happened, in the words of the person reading the audit trail.</summary>
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.OrderReceived => "Order received",
        AuditAction.ImagesPrepared => "Images available",
        AuditAction.InterpStarted => "Claimed",
        AuditAction.LeaseRenewed => "Claim renewed",
        AuditAction.Sendback => "Released",
        AuditAction.ClaimWithdrawn => "Claim withdrawn",
        AuditAction.LeaseExpired => "Claim lapsed",
        AuditAction.ExamHeld => "Put on hold",
        AuditAction.ExamResumed => "Taken off hold",
        AuditAction.PreliminaryIssued => "Preliminary report issued",
        AuditAction.Reported => "Report signed",
        AuditAction.ReportCorrected => "Addendum signed",
        AuditAction.ExamReassigned => "Reassigned",
        AuditAction.ExamCancelled => "Cancellation",
        AuditAction.CritNotification => "Finding communicated",
        AuditAction.PatientDataViewed => "Patient record viewed",
        AuditAction.SignedIn => "Signed in",
        AuditAction.SignInFailed => "Sign-in refused",
        AuditAction.RotaChanged => "Rota changed",
        AuditAction.ConfigurationChanged => "Settings changed",
        AuditAction.AuditExported => "Audit trail exported",
        AuditAction.PatientUpdated => "Patient details updated",
        AuditAction.MessageReprocessed => "Message processed again",
        AuditAction.ReportDraftSaved => "Draft saved",
        AuditAction.VerificationRequested => "Sent for verification",
        AuditAction.ReportVerified => "Report verified",
        AuditAction.ReportReturned => "Report returned",
        AuditAction.ConsultRequested => "Opinion asked for",
        AuditAction.ConsultAnswered => "Opinion given",
        AuditAction.CritAcknowledged => "Finding acknowledged",
        AuditAction.CritEscalated => "Finding escalated",
        AuditAction.ReportDelivered => "Report delivered",
        AuditAction.ReportDeliveryFailed => "Delivery failed",
        AuditAction.CaseSkipped => "Case skipped",
        AuditAction.FindingRaised => "Finding raised",
        AuditAction.FollowUpRecommended => "Follow-up recommended",
        AuditAction.FollowUpCompleted => "Follow-up done",
        AuditAction.FollowUpClosed => "Follow-up closed",
        AuditAction.DataAccessRequested => "Data access requested",
        AuditAction.DataAccessDecided => "Data access decided",
        AuditAction.ResearchExtractMade => "Research extract made",
        AuditAction.ResearchExtractDownloaded => "Research extract downloaded",
        AuditAction.OptOutsImported => "Opt-out list imported",
        AuditAction.AiAlgorithmChanged => "AI algorithm registered or changed",
        AuditAction.AiResultReceived => "AI result received",
        AuditAction.AiFindingJudged => "AI finding judged",
        AuditAction.FastLaneEntered => "Fast lane entered",
        AuditAction.FastLaneLeft => "Fast lane left",
        AuditAction.VerbalReportGiven => "Verbal report given",
        _ => action.ToString(),
    };

    /// <summary>The label in the middle of a sentence: "this on-call 1st clashes with…".</summary>
    public static string InSentence(string label)
        => label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    /// <summary>The labels a reader may write for each value of <typeparamref name="T"/>, in order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Of)];

    /// <summary>A value written as its label ("On-call 1st") or its code name ("OnCallFirst"), in any case; never a number.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var written = text?.Trim() ?? string.Empty;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), written, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), written, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Of<T>(T value)
        where T : struct, Enum => value switch
        {
            Pathway v => Of(v),
            ClinicalPriority v => Of(v),
            ExamState v => Of(v),
            Sex v => Of(v),
            ProfessionalRole v => Of(v),
            ShiftKind v => Of(v),
            AbsenceKind v => Of(v),
            ReportStatus v => Of(v),
            FindingCategory v => Of(v),
            CommunicationMethod v => Of(v),
            FindingState v => Of(v),
            FollowUpRecipient v => Of(v),
            FollowUpStatus v => Of(v),
            FollowUpClosure v => Of(v),
            Skill v => Of(v),
            AuditAction v => Of(v),
            _ => value.ToString(),
        };
}
