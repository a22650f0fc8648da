namespace ImagingWorklist.Domain.Research;

/// <summary>What an extract holds and what it left out.</summary>
/// <param name="Unverifiable">Exams left out because their patient has no valid NHS number to check against the opt-outs.</param>
public sealed record ExtractCounts(int Rows, int Patients, int Suppressed, int OptedOut, int Unverifiable, int IdentifiersRemoved);
