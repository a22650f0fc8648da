namespace ImagingWorklist.Application.Reporting;

/// <summary>A registrar's report waiting for verification while nobody who could verify it is on duty.</summary>
public sealed record UnverifiableWait(Guid ExamId, string ProcedureDescription, string TrustName, DateTimeOffset SubmittedAt,
    VerifierOutlook Outlook);
