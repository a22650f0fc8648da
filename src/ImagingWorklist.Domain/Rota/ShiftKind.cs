namespace ImagingWorklist.Domain.Rota;

public enum ShiftKind
{
    InHoursSession,
    OnCallFirst,
    OnCallSecond,
    OutOfHoursHotReporting,
    Teleradiology,
}
