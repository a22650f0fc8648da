using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Dashboards;

/// <summary>An exam behind a number on the backlog table (no patient details: open the exam for those).</summary>
public sealed record BacklogExam(Guid ExamId, string Accession, string ProcedureDescription, string SiteName, Pathway Pathway,
    ClinicalPriority Priority, ExamState State, DateTimeOffset ClockStart, DateTimeOffset DueAt);
