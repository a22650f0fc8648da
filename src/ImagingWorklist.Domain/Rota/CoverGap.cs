using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Rota;

/// <summary>Hours in which nobody eligible is on duty for a skill at a trust.</summary>
public sealed record CoverGap(Skill Skill, Guid TrustId, DateTimeOffset Start, DateTimeOffset End);
