using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Exams;

/// <summary>An earlier exam of the same patient, with its signed report (final, then any addenda) when there is one.</summary>
public sealed record PriorExam(Guid ExamId, string Accession, string ProcedureDescription, DateTimeOffset PerformedAt, ExamState State,
    string TrustName, IReadOnlyList<PriorReport> Reports);
