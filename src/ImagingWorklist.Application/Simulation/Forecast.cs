using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Simulation;

public sealed record Forecast(
    DateTimeOffset From,
    int Replications,
    int OpenAtStart,
    int AlreadyLate,
    double Breaches,
    double UrgentBreaches,
    double OpenAtEnd,
    IReadOnlyList<ForecastDay> Days,
    IReadOnlyList<(Skill Skill, Modality Modality, double Breaches)> Hotspots,
    ForecastAction? Action);
