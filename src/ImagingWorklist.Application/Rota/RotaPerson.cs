using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Rota;

/// <summary>Someone who can be rostered: a reporter, or an outsourced provider's pool, with their skills.</summary>
public sealed record RotaPerson(Guid Id, string Name, ProfessionalRole Role, string Registration, IReadOnlyList<ReporterSkill> Skills);
