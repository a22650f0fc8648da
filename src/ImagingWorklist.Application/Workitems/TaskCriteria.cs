using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Workitems;

/// <summary>What a FHIR Task search asks for; every list empty or null means "any".</summary>
public sealed record TaskCriteria(
    IReadOnlyCollection<ExamState> States,
    IReadOnlyCollection<ClinicalPriority> Priorities,
    Guid? OwnerReporterId,
    DateTimeOffset? UpdatedFrom,
    DateTimeOffset? UpdatedBefore,
    int Offset,
    int Count,
    Guid? ExamId = null);
