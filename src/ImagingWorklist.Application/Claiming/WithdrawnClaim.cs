namespace ImagingWorklist.Application.Claiming;

/// <summary>A claim the system took back from a reporter, and why.</summary>
public sealed record WithdrawnClaim(DateTimeOffset At, Guid ExamId, string ProcedureDescription, string Accession, string Reason);
