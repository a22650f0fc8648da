using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Simulation;

/// <summary>An extra session of one skill (and the modality most of its breaches are in), and the breaches it would avoid.</summary>
public sealed record ForecastAction(Skill Skill, Modality Modality, DateTimeOffset Start, TimeSpan Length, double BreachesAvoided);
