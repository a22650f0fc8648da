namespace ImagingWorklist.Domain.Engine;

public sealed record Assignment(Guid ExamId, Guid ReporterId, AssignmentKind Kind, bool ExpectedOnTime);
