namespace ImagingWorklist.Application.Exams;

public sealed record PriorReport(bool IsAddendum, DateTimeOffset SignedAt, string Text);
