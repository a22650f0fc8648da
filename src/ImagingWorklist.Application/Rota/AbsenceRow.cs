using ImagingWorklist.Domain.Rota;

namespace ImagingWorklist.Application.Rota;

public sealed record AbsenceRow(Guid AbsenceId, Guid ReporterId, string Reporter, AbsenceKind Kind, DateTimeOffset Start,
    DateTimeOffset End);
