using ImagingWorklist.Domain.Engine;
using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Reporting;

/// <summary>A verification or opinion waiting for this reporter, ranked like the worklist. No patient name: open it to see.</summary>
public sealed record ReportingTask(
    ReportingTaskKind Kind,
    Guid ExamId,
    Guid? ConsultId,
    string ProcedureDescription,
    string SiteName,
    ClinicalPriority Priority,
    Pathway Pathway,
    DateTimeOffset DueAt,
    UrgencyClass Class,
    string From,
    DateTimeOffset Since,
    string? Question);
