using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Domain.Research;

/// <summary>What an extract's row says about a patient that, combined, could single them out (ISO/TS 25237 quasi-identifiers).</summary>
public sealed record QuasiIdentifier(string AgeBand, Sex Sex, string Trust, string Month);
