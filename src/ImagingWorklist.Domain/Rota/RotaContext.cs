using ImagingWorklist.Domain.Reporters;

namespace ImagingWorklist.Domain.Rota;

/// <summary>What the rota and the person's other commitments look like, for checking one change.</summary>
public sealed record RotaContext(
    string ReporterName,
    IReadOnlyList<RotaShift> Shifts,
    IReadOnlyList<Absence> Absences,
    IReadOnlyList<Credential> Credentials,
    IReadOnlyDictionary<Guid, Guid> TrustOfSite,
    IReadOnlyDictionary<Guid, string> TrustNames,
    TimeZoneInfo LocalTime);
