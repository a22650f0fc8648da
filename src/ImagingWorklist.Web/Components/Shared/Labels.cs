using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;
using ImagingWorklist.Domain.Reporting;
using ImagingWorklist.Domain.Rota;
using MudBlazor;

namespace ImagingWorklist.Web.Components.Shared;

/// <summary>The words and colours the pages use for domain values, in one place so every page says the same.</summary>
internal static class Labels
{
    public static string Of(Pathway pathway) => Prioritiser.PathwayText(pathway);

    public static string Of(ClinicalPriority priority) => priority switch
    {
        ClinicalPriority.Stat => "Stat",
        ClinicalPriority.Asap => "ASAP",
        ClinicalPriority.Urgent => "Urgent",
        _ => "Routine",
    };

    public static Color ColourOf(ClinicalPriority priority) => priority switch
    {
        ClinicalPriority.Stat => Color.Error,
        ClinicalPriority.Asap => Color.Warning,
        ClinicalPriority.Urgent => Color.Secondary,
        _ => Color.Default,
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
        _ => "Significant unexpected",
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
    public static string Of(Domain.Audit.AuditAction action) => action switch
    {
        Domain.Audit.AuditAction.OrderReceived => "Order received",
        Domain.Audit.AuditAction.ImagesPrepared => "Images available",
        Domain.Audit.AuditAction.InterpStarted => "Claimed",
        Domain.Audit.AuditAction.LeaseRenewed => "Claim renewed",
        Domain.Audit.AuditAction.Sendback => "Released",
        Domain.Audit.AuditAction.ClaimWithdrawn => "Claim withdrawn",
        Domain.Audit.AuditAction.LeaseExpired => "Claim lapsed",
        Domain.Audit.AuditAction.ExamHeld => "Put on hold",
        Domain.Audit.AuditAction.ExamResumed => "Taken off hold",
        Domain.Audit.AuditAction.PreliminaryIssued => "Preliminary report issued",
        Domain.Audit.AuditAction.Reported => "Report signed",
        Domain.Audit.AuditAction.ReportCorrected => "Addendum signed",
        Domain.Audit.AuditAction.ExamReassigned => "Reassigned",
        Domain.Audit.AuditAction.ExamCancelled => "Cancellation",
        Domain.Audit.AuditAction.CritNotification => "Finding communicated",
        Domain.Audit.AuditAction.PatientDataViewed => "Patient record viewed",
        Domain.Audit.AuditAction.SignedIn => "Signed in",
        Domain.Audit.AuditAction.SignInFailed => "Sign-in refused",
        Domain.Audit.AuditAction.RotaChanged => "Rota changed",
        Domain.Audit.AuditAction.ConfigurationChanged => "Settings changed",
        Domain.Audit.AuditAction.AuditExported => "Audit trail exported",
        Domain.Audit.AuditAction.PatientUpdated => "Patient details updated",
        Domain.Audit.AuditAction.MessageReprocessed => "Message processed again",
        Domain.Audit.AuditAction.ReportDraftSaved => "Draft saved",
        Domain.Audit.AuditAction.VerificationRequested => "Sent for verification",
        Domain.Audit.AuditAction.ReportVerified => "Report verified",
        Domain.Audit.AuditAction.ReportReturned => "Report returned",
        Domain.Audit.AuditAction.ConsultRequested => "Opinion asked for",
        Domain.Audit.AuditAction.ConsultAnswered => "Opinion given",
        Domain.Audit.AuditAction.CritAcknowledged => "Finding acknowledged",
        Domain.Audit.AuditAction.CritEscalated => "Finding escalated",
        Domain.Audit.AuditAction.ReportDelivered => "Report delivered",
        Domain.Audit.AuditAction.ReportDeliveryFailed => "Delivery failed",
        Domain.Audit.AuditAction.CaseSkipped => "Case skipped",
        _ => action.ToString(),
    };

    /// <summary>
    /// An account's role. "Reporter" rather than "Radiologist": the role is held by consultants, registrars and reporting
    /// radiographers alike, and a radiographer is not a radiologist.
    /// </summary>
    public static string OfRole(string role) => role switch
    {
        Application.Security.WorklistRoles.Radiologist => "Reporter",
        Application.Security.WorklistRoles.RotaCoordinator => "Rota coordinator",
        Application.Security.WorklistRoles.Admin => "Administrator",
        _ => role,
    };
}
