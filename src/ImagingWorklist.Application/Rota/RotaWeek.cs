namespace ImagingWorklist.Application.Rota;

public sealed record RotaWeek(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ShiftRow> Shifts, IReadOnlyList<AbsenceRow> Absences,
    IReadOnlyList<RotaPerson> People, IReadOnlyList<RotaTrust> Trusts);
