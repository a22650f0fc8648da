using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Application.Rota;

/// <summary>
/// A cover gap as the page lists it: "no Neuro cover for Trust X, Sat 02:00–08:00", with the reading minutes of that
/// skill at that trust expected to arrive during it (the same hours of the week over the last four weeks, averaged).
/// </summary>
public sealed record GapRow(Skill Skill, Guid TrustId, string TrustName, DateTimeOffset Start, DateTimeOffset End, double ExpectedMinutes);
