using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Reporting;

/// <summary>A draft was saved; <see cref="Notice"/> says if the claim had to be taken up again to save it.</summary>
public sealed record DraftSaved(DateTimeOffset SavedAt, string? Notice, Claim? Claim);
