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
}
